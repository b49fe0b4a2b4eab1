package io.fleetdeck.broker.policy;

import io.fleetdeck.broker.policy.PolicyDocument.Condition;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * IAM's condition operators as AWS IoT policies use them: string, numeric, date, boolean, IP address, ARN and Null
 * tests, with the {@code ForAnyValue:}/{@code ForAllValues:} set prefixes and the {@code IfExists} suffix. A key that
 * the request does not have fails a positive test and passes a negated one, as in IAM.
 */
final class ConditionOperators {

    private static final Set<String> BASE = Set.of(
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
            "DateEquals",
            "DateNotEquals",
            "DateLessThan",
            "DateLessThanEquals",
            "DateGreaterThan",
            "DateGreaterThanEquals",
            "Bool",
            "IpAddress",
            "NotIpAddress",
            "ArnEquals",
            "ArnNotEquals",
            "ArnLike",
            "ArnNotLike",
            "Null");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ConditionOperators() {}

    static boolean isKnown(String operator) {
        String base = baseOf(operator);
        return BASE.contains(base) && !(base.equals("Null") && !base.equals(stripSetPrefix(operator)));
    }

    /** Whether {@code condition} holds for this principal. */
    static boolean holds(Condition condition, boolean variablesEnabled, PrincipalContext principal) {
        String operator = condition.operator();
        String base = baseOf(operator);
        List<String> present = PolicyVariables.values(condition.key(), principal);
        List<String> expected = condition.values().stream()
                .map(value -> substitute(value, variablesEnabled, principal))
                .toList();
        if (base.equals("Null")) {
            boolean absent = present.isEmpty();
            return expected.stream().anyMatch(value -> Boolean.parseBoolean(value) == absent);
        }
        boolean negated = base.contains("Not");
        if (present.isEmpty()) {
            return operator.endsWith("IfExists") || negated || operator.startsWith("ForAllValues:");
        }
        BiPredicate<String, String> test = positiveTest(base);
        if (operator.startsWith("ForAllValues:")) {
            return present.stream().allMatch(value -> matchesAny(test, value, expected) != negated);
        }
        if (operator.startsWith("ForAnyValue:")) {
            return present.stream().anyMatch(value -> matchesAny(test, value, expected) != negated);
        }
        return matchesAny(test, present.getFirst(), expected) != negated;
    }

    private static boolean matchesAny(BiPredicate<String, String> test, String value, List<String> expected) {
        return expected.stream().anyMatch(candidate -> test.test(value, candidate));
    }

    /** The test a negated operator is the opposite of: StringNotLike is not StringLike. */
    private static BiPredicate<String, String> positiveTest(String base) {
        return switch (base.replace("Not", "")) {
            case "StringEquals" -> String::equals;
            case "StringEqualsIgnoreCase" -> String::equalsIgnoreCase;
            case "StringLike", "ArnLike" ->
                (value, pattern) -> PolicyPattern.compile(pattern, false, null).matches(value);
            case "ArnEquals" -> String::equals;
            case "NumericEquals" -> numeric(c -> c == 0);
            case "NumericLessThan" -> numeric(c -> c < 0);
            case "NumericLessThanEquals" -> numeric(c -> c <= 0);
            case "NumericGreaterThan" -> numeric(c -> c > 0);
            case "NumericGreaterThanEquals" -> numeric(c -> c >= 0);
            case "DateEquals" -> date(c -> c == 0);
            case "DateLessThan" -> date(c -> c < 0);
            case "DateLessThanEquals" -> date(c -> c <= 0);
            case "DateGreaterThan" -> date(c -> c > 0);
            case "DateGreaterThanEquals" -> date(c -> c >= 0);
            case "Bool" -> String::equalsIgnoreCase;
            case "IpAddress" -> ConditionOperators::inCidr;
            default -> (value, expected) -> false;
        };
    }

    private interface Comparison {
        boolean holds(int comparison);
    }

    private static BiPredicate<String, String> numeric(Comparison comparison) {
        return (value, expected) -> {
            try {
                return comparison.holds(new BigDecimal(value).compareTo(new BigDecimal(expected)));
            } catch (NumberFormatException notANumber) {
                return false;
            }
        };
    }

    private static BiPredicate<String, String> date(Comparison comparison) {
        return (value, expected) -> {
            Instant left = instant(value);
            Instant right = instant(expected);
            return left != null && right != null && comparison.holds(left.compareTo(right));
        };
    }

    /** ISO-8601 instants or epoch seconds, as IAM accepts. */
    private static @Nullable Instant instant(String text) {
        try {
            return text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text))
                    : Instant.parse(text);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Whether the address {@code value} is in {@code cidr} (an address alone is a /32 or /128). */
    static boolean inCidr(String value, String cidr) {
        try {
            int slash = cidr.indexOf('/');
            byte[] network = literalAddress(slash < 0 ? cidr : cidr.substring(0, slash));
            byte[] address = literalAddress(value);
            if (network == null || address == null || network.length != address.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException | UnknownHostException e) {
            return false;
        }
    }

    /** Parses an IP literal without ever looking up a host name. */
    private static byte @Nullable [] literalAddress(String text) throws UnknownHostException {
        boolean ipv4 = IPV4.matcher(text).matches();
        boolean ipv6 = text.indexOf(':') >= 0
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!ipv4 && !ipv6) {
            return null;
        }
        return InetAddress.getByName(text).getAddress();
    }

    private static String substitute(String value, boolean variablesEnabled, PrincipalContext principal) {
        if (!variablesEnabled || !value.contains("${")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int open = value.indexOf("${", i);
            int close = open < 0 ? -1 : value.indexOf('}', open);
            if (close < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, open);
            String name = value.substring(open + 2, close);
            String resolved = PolicyVariables.single(name, principal);
            out.append(resolved == null ? value.substring(open, close + 1) : resolved);
            i = close + 1;
        }
        return out.toString();
    }

    private static String baseOf(String operator) {
        String base = stripSetPrefix(operator);
        return base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
    }

    private static String stripSetPrefix(String operator) {
        if (operator.startsWith("ForAnyValue:")) {
            return operator.substring("ForAnyValue:".length());
        }
        if (operator.startsWith("ForAllValues:")) {
            return operator.substring("ForAllValues:".length());
        }
        return operator;
    }
}
