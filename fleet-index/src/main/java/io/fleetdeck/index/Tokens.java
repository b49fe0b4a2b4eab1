package io.fleetdeck.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.UnicodeUtil;

/**
 * How a string value is cut into searchable tokens, shared by the index and the in-memory matcher so
 * the two can't drift apart. AWS tokenizes values on whitespace only (AWS-IOT-BEHAVIOUR §3.3), so
 * {@code tv-kitchen} is one token and {@code thingName:tv} does not find it; values match case-
 * insensitively, so tokens are lower-cased (in {@link Locale#ROOT}, never the user's locale).
 */
final class Tokens {

    /** Lucene refuses longer terms; no query (at most 1000 bytes, §3.6) could name such a token anyway. */
    static final int MAX_TOKEN_BYTES = IndexWriter.MAX_TERM_LENGTH;

    private Tokens() {}

    /** The tokens of one value: split on {@link Character#isWhitespace}, lower-cased, too-long ones dropped. */
    static List<String> of(String value) {
        var tokens = new ArrayList<String>();
        int start = -1;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (Character.isWhitespace(codePoint)) {
                if (start >= 0) {
                    add(tokens, value.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            add(tokens, value.substring(start));
        }
        return tokens;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static boolean fitsInIndex(String text) {
        return UnicodeUtil.calcUTF16toUTF8Length(text, 0, text.length()) <= MAX_TOKEN_BYTES;
    }

    /**
     * Orders strings the way Lucene orders terms (by their UTF-8 bytes, which is code point order), not
     * the way {@link String#compareTo} does (UTF-16 units differ above U+FFFF).
     */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Replaces unpaired surrogates with U+FFFD, as Lucene does when it writes a term as UTF-8; doing it
     * first keeps the index and the in-memory matcher comparing the same text.
     */
    static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired) {
                if (fixed == null) {
                    fixed = new StringBuilder(text);
                }
                fixed.setCharAt(i, '\uFFFD');
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    private static void add(List<String> tokens, String token) {
        var lowered = lower(token);
        if (fitsInIndex(lowered)) {
            tokens.add(lowered);
        }
    }
}
