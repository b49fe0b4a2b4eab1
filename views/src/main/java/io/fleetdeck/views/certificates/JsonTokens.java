package io.fleetdeck.views.certificates;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON text into coloured runs for the policy viewer: object keys, string values, numbers, literals
 * ({@code true}, {@code false}, {@code null}), punctuation and the whitespace between. Lenient: text that is not valid
 * JSON still comes back whole, its odd parts as {@link Kind#PLAIN}, so the tokens always join to the input.
 */
final class JsonTokens {

    enum Kind {
        KEY("json-key"),
        STRING("json-string"),
        NUMBER("json-number"),
        LITERAL("json-literal"),
        PUNCTUATION("json-punctuation"),
        PLAIN("json-plain");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        String styleClass() {
            return styleClass;
        }
    }

    record Token(Kind kind, String text) {}

    private JsonTokens() {}

    static List<Token> of(String json) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            int end;
            Kind kind;
            if (c == '"') {
                end = stringEnd(json, i);
                kind = nextNonBlankIs(json, end, ':') ? Kind.KEY : Kind.STRING;
            } else if (c == '-' || Character.isDigit(c)) {
                end = i + 1;
                while (end < n && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c)) {
                end = i + 1;
                while (end < n && Character.isLetterOrDigit(json.charAt(end))) {
                    end++;
                }
                String word = json.substring(i, end);
                kind = word.equals("true") || word.equals("false") || word.equals("null") ? Kind.LITERAL : Kind.PLAIN;
            } else if ("{}[]:,".indexOf(c) >= 0) {
                end = i + 1;
                kind = Kind.PUNCTUATION;
            } else {
                end = i + 1;
                while (end < n && isOther(json.charAt(end))) {
                    end++;
                }
                kind = Kind.PLAIN;
            }
            add(tokens, kind, json.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** Just past the closing quote of the string opening at {@code start}, or the end of an unterminated one. */
    private static int stringEnd(String json, int start) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return json.length();
    }

    private static boolean nextNonBlankIs(String json, int from, char wanted) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == wanted;
            }
        }
        return false;
    }

    private static boolean isOther(char c) {
        return c != '"' && c != '-' && !Character.isLetterOrDigit(c) && "{}[]:,".indexOf(c) < 0;
    }

    /** Joins whitespace and punctuation to the run before of the same kind, so they do not cost a node per character. */
    private static void add(List<Token> tokens, Kind kind, String text) {
        if (!tokens.isEmpty() && tokens.getLast().kind() == kind && (kind == Kind.PLAIN || kind == Kind.PUNCTUATION)) {
            tokens.set(tokens.size() - 1, new Token(kind, tokens.getLast().text() + text));
        } else {
            tokens.add(new Token(kind, text));
        }
    }
}
