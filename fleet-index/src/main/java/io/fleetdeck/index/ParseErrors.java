package io.fleetdeck.index;

import io.fleetdeck.index.Token.Type;

/**
 * The parser's error messages: each names the column (as people count characters) and what was expected
 * there, in words fit for a search box or a CLI.
 */
final class ParseErrors {

    private final String query;

    ParseErrors(String query) {
        this.query = query;
    }

    QueryException at(Token token, String message) {
        return new QueryException(query, token.start(), message);
    }

    int column(Token token) {
        return QueryException.columnOf(query, token.start());
    }

    /** A term was due ({@code after} says after what; empty at the start) but {@code found} can't start one. */
    QueryException missingTerm(Token found, String after) {
        var where = after.isEmpty() ? "" : " " + after;
        return switch (found.type()) {
            case WORD -> // AND or OR: every other word starts a term
                after.isEmpty()
                        ? at(found, "expected a term before " + found.raw() + " at column " + column(found))
                        : at(
                                found,
                                "expected a term" + where + " at column " + column(found) + ", found " + found.raw());
            case END, OPEN_PAREN, PHRASE ->
                at(found, "expected a term" + where + " at column " + column(found) + ", found " + found.describe());
            case CLOSE_PAREN ->
                after.isEmpty()
                        ? unexpected(found)
                        : at(found, "expected a term" + where + " at column " + column(found) + ", found ')'");
            default -> unexpected(found);
        };
    }

    QueryException expectedValue(Token operator, Token found, String hint) {
        return at(
                found,
                "expected a value after '" + operator.raw() + "' at column " + column(found) + ", found "
                        + found.describe() + hint);
    }

    QueryException unexpected(Token token) {
        var hint = switch (token.type()) {
            case CLOSE_PAREN -> ": there is no '(' to close";
            case COLON -> ": write \\: to search for a colon";
            case CLOSE_BRACKET, CLOSE_BRACE -> ": there is no range to close";
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, EQUAL -> ": a comparison needs a field name before it";
            default -> "";
        };
        return at(token, "unexpected " + token.describe() + " at column " + column(token) + hint);
    }

    QueryException unclosed(Token open) {
        var what = open.is(Type.OPEN_PAREN) ? "'('" : "range '" + open.raw() + "'";
        return at(open, "unclosed " + what + " opened at column " + column(open));
    }
}
