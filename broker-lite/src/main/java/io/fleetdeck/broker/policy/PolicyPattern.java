package io.fleetdeck.broker.policy;

import org.jspecify.annotations.Nullable;

/**
 * A policy string with IAM wildcards, its variables filled in for one principal: {@code *} is any run of characters,
 * slashes included, and {@code ?} is one character (AWS-IOT-BEHAVIOUR §5.8); MQTT's {@code +} and {@code #} are plain
 * characters here. Text a variable brings in is always literal, so a client id of {@code *} cannot widen a policy.
 */
final class PolicyPattern {

    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final int[] tokens;

    private PolicyPattern(int[] tokens) {
        this.tokens = tokens;
    }

    /** Compiles {@code text}; with {@code principal} null or variables off, {@code ${...}} stays as written. */
    static PolicyPattern compile(String text, boolean variablesEnabled, @Nullable PrincipalContext principal) {
        int[] buffer = new int[text.length() * 2 + 16];
        int size = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{' ? text.indexOf('}', i) : -1;
            if (close > 0 && variablesEnabled) {
                String name = text.substring(i + 2, close);
                String value = switch (name) {
                    case "*", "?", "$" -> name;
                    default -> principal == null ? null : PolicyVariables.single(name, principal);
                };
                String literal = value == null ? text.substring(i, close + 1) : value;
                buffer = ensure(buffer, size + literal.length());
                for (int k = 0; k < literal.length(); k++) {
                    buffer[size++] = literal.charAt(k);
                }
                i = close + 1;
                continue;
            }
            buffer = ensure(buffer, size + 1);
            buffer[size++] = c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c;
            i++;
        }
        int[] tokens = new int[size];
        System.arraycopy(buffer, 0, tokens, 0, size);
        return new PolicyPattern(tokens);
    }

    private static int[] ensure(int[] buffer, int needed) {
        if (needed <= buffer.length) {
            return buffer;
        }
        int[] grown = new int[Math.max(needed, buffer.length * 2)];
        System.arraycopy(buffer, 0, grown, 0, buffer.length);
        return grown;
    }

    boolean matches(String value) {
        return matches(value, false);
    }

    boolean matchesIgnoringCase(String value) {
        return matches(value, true);
    }

    /** Greedy wildcard matching with one backtrack point per star: linear in practice, never exponential. */
    private boolean matches(String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int starP = -1;
        int starV = 0;
        while (v < value.length()) {
            if (p < tokens.length && tokens[p] == ANY_RUN) {
                starP = p++;
                starV = v;
            } else if (p < tokens.length && (tokens[p] == ANY_ONE || same(tokens[p], value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (starP >= 0) {
                p = starP + 1;
                v = ++starV;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == tokens.length;
    }

    private static boolean same(int token, char c, boolean ignoreCase) {
        return token == c || (ignoreCase && Character.toLowerCase((char) token) == Character.toLowerCase(c));
    }
}
