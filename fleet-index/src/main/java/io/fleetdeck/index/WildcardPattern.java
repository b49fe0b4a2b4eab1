package io.fleetdeck.index;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A value with wildcards (AWS-IOT-BEHAVIOUR §3.3): {@code *} is any run of characters, {@code ?} exactly
 * one, both counted in code points as Lucene's {@code WildcardQuery} does. The literal parts are
 * lower-cased, as values match case-insensitively.
 */
final class WildcardPattern {

    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    /** Code points of the literal parts, and {@link #ANY_RUN} / {@link #ANY_ONE} for the wildcards. */
    private final int[] units;

    private WildcardPattern(int[] units) {
        this.units = units;
    }

    /** The pattern of a word whose unescaped {@code *} and {@code ?} are marked in {@code wildcards}. */
    static WildcardPattern of(String text, BitSet wildcards) {
        var units = IntStream.builder();
        var literal = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (wildcards.get(i)) {
                Tokens.lower(literal.toString()).codePoints().forEach(units::add);
                literal.setLength(0);
                units.add(c == '*' ? ANY_RUN : ANY_ONE);
            } else {
                literal.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        Tokens.lower(literal.toString()).codePoints().forEach(units::add);
        return new WildcardPattern(units.build().toArray());
    }

    boolean matches(String token) {
        int[] text = token.codePoints().toArray();
        int t = 0;
        int p = 0;
        int lastRun = -1;
        int resumeAt = 0;
        while (t < text.length) {
            if (p < units.length && (units[p] == ANY_ONE || units[p] == text[t])) {
                t++;
                p++;
            } else if (p < units.length && units[p] == ANY_RUN) {
                lastRun = p++;
                resumeAt = t;
            } else if (lastRun >= 0) {
                p = lastRun + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < units.length && units[p] == ANY_RUN) {
            p++;
        }
        return p == units.length;
    }

    /** The pattern in {@code WildcardQuery} syntax, literal {@code * ? \} escaped. */
    String toLuceneSyntax() {
        var syntax = new StringBuilder();
        for (int unit : units) {
            switch (unit) {
                case ANY_RUN -> syntax.append('*');
                case ANY_ONE -> syntax.append('?');
                default -> {
                    if (unit == '*' || unit == '?' || unit == '\\') {
                        syntax.append('\\');
                    }
                    syntax.appendCodePoint(unit);
                }
            }
        }
        return syntax.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WildcardPattern that && Arrays.equals(units, that.units);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return toLuceneSyntax();
    }
}
