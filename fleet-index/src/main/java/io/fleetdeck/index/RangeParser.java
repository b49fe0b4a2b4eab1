package io.fleetdeck.index;

import io.fleetdeck.index.QueryNode.Scope;
import io.fleetdeck.index.Token.Type;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Parses the bounded clauses of AWS-IOT-BEHAVIOUR §3.3: ranges {@code field:[low TO high]} ({@code [ ]}
 * inclusive, {@code { }} exclusive, mixed allowed, {@code *} open) and comparisons {@code field>5} ({@code
 * <=}, {@code >=} accepted though UNCONFIRMED). Unquoted numbers make a numeric test; anything else, or a
 * quoted bound, makes a text test in code point order ({@code ["abcd" TO "abcf"]}).
 */
final class RangeParser {

    private final Lexer lexer;
    private final QueryLimits limits;
    private final ParseErrors errors;

    RangeParser(Lexer lexer, QueryLimits limits, ParseErrors errors) {
        this.lexer = lexer;
        this.limits = limits;
        this.errors = errors;
    }

    /** The range whose opening bracket is the next token. */
    QueryNode range(String field) throws QueryException {
        var open = lexer.next();
        var low = bound(open, "the lower bound of the range after '" + open.raw() + "'");
        var to = lexer.peek();
        if (!to.isKeyword("TO")) {
            throw to.is(Type.END)
                    ? errors.unclosed(open)
                    : errors.at(
                            to,
                            "expected TO after the lower bound at column " + errors.column(to) + ", found "
                                    + to.describe());
        }
        lexer.next();
        var high = bound(open, "the upper bound of the range after TO");
        var close = lexer.peek();
        if (!close.is(Type.CLOSE_BRACKET) && !close.is(Type.CLOSE_BRACE)) {
            throw close.is(Type.END)
                    ? errors.unclosed(open)
                    : errors.at(
                            close,
                            "expected ']' or '}' to close the range opened at column " + errors.column(open)
                                    + ", found " + close.describe());
        }
        lexer.next();
        limits.term(open);
        boolean lowInclusive = open.is(Type.OPEN_BRACKET);
        boolean highInclusive = close.is(Type.CLOSE_BRACKET);
        var scope = new Scope.Field(field);
        if (low.isNumeric() && high.isNumeric()) {
            return new QueryNode.Match(
                    scope,
                    new ValueTest.NumberRange(
                            low.numberOr(Double.NEGATIVE_INFINITY),
                            low.isOpen() || lowInclusive,
                            high.numberOr(Double.POSITIVE_INFINITY),
                            high.isOpen() || highInclusive));
        }
        return new QueryNode.Match(
                scope, new ValueTest.TextRange(low.text(), lowInclusive, high.text(), highInclusive));
    }

    /** The comparison of {@code field} by {@code operator} ({@code < > <= >=}) with the next token. */
    QueryNode comparison(String field, Token operator) throws QueryException {
        var operand = lexer.peek();
        if (!(operand.is(Type.WORD) || operand.is(Type.PHRASE))
                || operand.isBooleanOperator()
                || operand.isOnlyStars()) {
            throw errors.at(
                    operand,
                    "expected a number or a string after '" + operator.raw() + "' at column " + errors.column(operand)
                            + ", found " + operand.describe());
        }
        if (operand.hasWildcards()) {
            throw errors.at(
                    operand,
                    "wildcards are not allowed in a comparison (" + operand.describe() + " at column "
                            + errors.column(operand) + ")");
        }
        lexer.next();
        limits.term(operand);
        var bound = Bound.of(operand);
        boolean below = operator.is(Type.LESS) || operator.is(Type.LESS_OR_EQUAL);
        boolean inclusive = operator.is(Type.LESS_OR_EQUAL) || operator.is(Type.GREATER_OR_EQUAL);
        var scope = new Scope.Field(field);
        if (bound.number() != null) {
            double limit = bound.number();
            return new QueryNode.Match(
                    scope,
                    below
                            ? new ValueTest.NumberRange(Double.NEGATIVE_INFINITY, true, limit, inclusive)
                            : new ValueTest.NumberRange(limit, inclusive, Double.POSITIVE_INFINITY, true));
        }
        return new QueryNode.Match(
                scope,
                below
                        ? new ValueTest.TextRange(null, true, bound.text(), inclusive)
                        : new ValueTest.TextRange(bound.text(), inclusive, null, true));
    }

    private Bound bound(Token open, String what) throws QueryException {
        var token = lexer.peek();
        if (token.isOnlyStars() && token.text().equals("*")) {
            lexer.next();
            return Bound.OPEN;
        }
        if (token.is(Type.END)) {
            throw errors.unclosed(open);
        }
        if (!(token.is(Type.WORD) || token.is(Type.PHRASE)) || token.isKeyword("TO")) {
            throw errors.at(
                    token, "expected " + what + " at column " + errors.column(token) + ", found " + token.describe());
        }
        if (token.hasWildcards()) {
            throw errors.at(
                    token,
                    "wildcards are not allowed in range bounds (" + token.describe() + " at column "
                            + errors.column(token) + "); * alone leaves the bound open");
        }
        return Bound.of(lexer.next());
    }

    /** A range bound or comparison operand: a number when it is an unquoted number, else lower-cased text. */
    private record Bound(@Nullable String text, @Nullable Double number) {

        static final Bound OPEN = new Bound(null, null);

        /** The bound's number; {@code whenOpen} for an open bound ({@code *}). */
        double numberOr(double whenOpen) {
            return number == null ? whenOpen : number;
        }

        static Bound of(Token token) {
            var number = token.is(Type.WORD) ? NumberRule.parseIndexed(token.text()) : OptionalDouble.empty();
            return new Bound(Tokens.lower(token.text()), number.isPresent() ? number.getAsDouble() : null);
        }

        boolean isOpen() {
            return text == null;
        }

        boolean isNumeric() {
            return isOpen() || number != null;
        }
    }
}
