package io.fleetdeck.index;

import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** What one value must be like for a {@link QueryNode.Match} (AWS-IOT-BEHAVIOUR §3.3). */
sealed interface ValueTest {

    /**
     * A single word ({@code tv-kitchen}, {@code 75}, {@code true}, or a one-word {@code "quoted"} value):
     * equal to a token of a string value, or, when it reads as a number ({@link NumberRule}), numerically
     * equal to a number value, or, when it is {@code true}/{@code false}, equal to a boolean value.
     */
    record Word(String token, OptionalDouble number) implements ValueTest {

        static Word of(String token) {
            return new Word(token, NumberRule.parseIndexed(token));
        }

        boolean isBoolean() {
            return token.equals("true") || token.equals("false");
        }
    }

    /** Several tokens in a row inside one string value ({@code "living room"}). */
    record Phrase(List<String> tokens) implements ValueTest {}

    /** A token of a string value that fits the pattern; numbers and booleans never do. */
    record Wildcard(WildcardPattern pattern) implements ValueTest {}

    /** A number value within the bounds; an open bound is an infinity. */
    record NumberRange(double low, boolean lowInclusive, double high, boolean highInclusive) implements ValueTest {

        boolean contains(double value) {
            return (lowInclusive ? value >= low : value > low) && (highInclusive ? value <= high : value < high);
        }
    }

    /** A token of a string value within the bounds, in code point order; a {@code null} bound is open. */
    record TextRange(
            @Nullable String low,
            boolean lowInclusive,
            @Nullable String high,
            boolean highInclusive) implements ValueTest {

        boolean contains(String token) {
            int fromLow = low == null ? 1 : Tokens.compare(token, low);
            int toHigh = high == null ? -1 : Tokens.compare(token, high);
            return (lowInclusive ? fromLow >= 0 : fromLow > 0) && (highInclusive ? toHigh <= 0 : toHigh < 0);
        }
    }
}
