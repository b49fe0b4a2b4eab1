package io.fleetdeck.index;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The rule that decides whether a value is indexed as a number (AWS-IOT-BEHAVIOUR §3.2): an integral
 * value in −2^53…2^53−1, or a finite double (exponent notation allowed). JSON numbers, registry
 * attribute strings and the words of a query all go through this one rule, so that the attribute
 * {@code "75"} and the query {@code attributes.myAttribute:75} meet.
 *
 * <p>Text counts as a number only when it is written as a JSON number ({@code -12}, {@code 0.5},
 * {@code 1e3}); {@code 007}, {@code +5} and {@code .5} stay strings. Integers beyond ±2^53 stay strings
 * too, because a double can't hold them exactly. Negative zero is indexed as zero.
 */
public final class NumberRule {

    static final long LARGEST_EXACT = (1L << 53) - 1;
    static final long SMALLEST_EXACT = -(1L << 53);

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final BigInteger LARGEST = BigInteger.valueOf(LARGEST_EXACT);
    private static final BigInteger SMALLEST = BigInteger.valueOf(SMALLEST_EXACT);

    private NumberRule() {}

    /** The number that {@code text} is indexed as: a {@code Long} when integral, else a {@code Double}. */
    public static Optional<Number> parse(String text) {
        var match = JSON_NUMBER.matcher(text);
        if (!match.matches()) {
            return Optional.empty();
        }
        if (match.group(1) == null && match.group(2) == null) {
            var integral = new BigInteger(text);
            return inExactRange(integral) ? Optional.of(integral.longValue()) : Optional.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? Optional.of(value + 0.0) : Optional.empty();
    }

    /** A number as the index sees it, or empty when the rule leaves it a string (too big, NaN, infinite). */
    public static Optional<Number> of(Number number) {
        return switch (number) {
            case Long l -> inExactRange(BigInteger.valueOf(l)) ? Optional.of(l) : Optional.empty();
            case Integer i -> Optional.of(i.longValue());
            case Short s -> Optional.of(s.longValue());
            case Byte b -> Optional.of(b.longValue());
            case BigInteger big -> inExactRange(big) ? Optional.of(big.longValue()) : Optional.empty();
            case BigDecimal decimal -> finite(decimal.doubleValue());
            default -> finite(number.doubleValue());
        };
    }

    /** The double a number is indexed and compared as (negative zero folded into zero). */
    static double indexed(Number number) {
        return number.doubleValue() + 0.0;
    }

    /** {@link #parse} as the double that the index compares. */
    static OptionalDouble parseIndexed(String text) {
        return parse(text).map(n -> OptionalDouble.of(indexed(n))).orElse(OptionalDouble.empty());
    }

    private static boolean inExactRange(BigInteger value) {
        return value.compareTo(SMALLEST) >= 0 && value.compareTo(LARGEST) <= 0;
    }

    private static Optional<Number> finite(double value) {
        return Double.isFinite(value) ? Optional.of(value + 0.0) : Optional.empty();
    }
}
