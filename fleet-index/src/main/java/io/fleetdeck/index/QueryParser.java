package io.fleetdeck.index;

import io.fleetdeck.index.QueryNode.Scope;
import io.fleetdeck.index.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of the Fleet Indexing query language (AWS-IOT-BEHAVIOUR §3.3):
 *
 * <pre>
 * query   := or END
 * or      := and ( OR and )*
 * and     := unary ( [AND] unary )*              ; juxtaposition is AND
 * unary   := ( NOT | '-' ) unary | primary       ; so NOT binds tighter than AND, AND than OR
 * primary := '(' or ')' | FIELD ':' fieldValue | FIELD ( '<' | '>' | '<=' | '>=' ) operand
 *          | FIELD '=' value | value
 * fieldValue := '(' or ')'                       ; field grouping: every value inside is on FIELD
 *             | ( '[' | '{' ) bound TO bound ( ']' | '}' ) | value
 * value   := WORD | WORD-with-wildcards | '*'... | PHRASE
 * </pre>
 *
 * Inside a field group the same grammar applies with the group's field as the scope of every value.
 * One instance per parse.
 */
final class QueryParser {

    // §3.2: "inViolation:false is not a valid query"
    private static final Pattern IN_VIOLATION = Pattern.compile("deviceDefender\\..+\\.inViolation");

    private final String query;
    private final Lexer lexer;
    private final QueryLimits limits;

    private QueryParser(String query) {
        this.query = query;
        this.lexer = new Lexer(query);
        this.limits = new QueryLimits(query);
    }

    static QueryNode parse(String query) throws QueryException {
        return new QueryParser(query).parse();
    }

    private QueryNode parse() throws QueryException {
        if (query.chars().allMatch(Character::isWhitespace)) {
            throw new QueryException(query, 0, "the query is empty: write * to find every thing");
        }
        limits.checkLength();
        var root = or(null, "");
        var extra = lexer.peek();
        if (!extra.is(Type.END)) {
            throw unexpected(extra);
        }
        limits.finish();
        return root;
    }

    // --- boolean structure; `group` is the field of an enclosing field group, or null

    private QueryNode or(String group, String after) throws QueryException {
        var clauses = new ArrayList<QueryNode>();
        clauses.add(and(group, after));
        while (lexer.peek().isKeyword("OR")) {
            lexer.next();
            clauses.add(and(group, "after OR"));
        }
        return QueryNode.or(clauses);
    }

    private QueryNode and(String group, String after) throws QueryException {
        var clauses = new ArrayList<QueryNode>();
        clauses.add(unary(group, after));
        while (true) {
            var next = lexer.peek();
            if (next.isKeyword("AND")) {
                lexer.next();
                clauses.add(unary(group, "after AND"));
            } else if (startsClause(next)) {
                clauses.add(unary(group, after));
            } else {
                return QueryNode.and(clauses);
            }
        }
    }

    private QueryNode unary(String group, String after) throws QueryException {
        var next = lexer.peek();
        if (next.isKeyword("NOT") || next.is(Type.MINUS)) {
            lexer.next();
            return QueryNode.not(unary(group, "after " + next.raw()));
        }
        return primary(group, after);
    }

    private static boolean startsClause(Token token) {
        return switch (token.type()) {
            case WORD -> !token.isKeyword("AND") && !token.isKeyword("OR");
            case PHRASE, OPEN_PAREN, MINUS, OPEN_BRACKET, OPEN_BRACE -> true;
            default -> false;
        };
    }

    private QueryNode primary(String group, String after) throws QueryException {
        var token = lexer.peek();
        switch (token.type()) {
            case OPEN_PAREN -> {
                var open = lexer.next();
                var inner = or(group, "after '('");
                close(open);
                return inner;
            }
            case WORD -> {
                if (token.isKeyword("AND") || token.isKeyword("OR")) {
                    throw missingTerm(token, after);
                }
                var follower = lexer.peek(1);
                boolean namesField = follower.is(Type.COLON) || follower.is(Type.EQUAL) || follower.isComparison();
                if (namesField && group != null) {
                    throw error(
                            token,
                            "a field group can't name another field (" + token.describe() + " at column "
                                    + column(token) + " inside the group of " + group + ")");
                }
                if (!namesField) {
                    var word = lexer.next();
                    return value(group == null ? new Scope.AnyField() : new Scope.Field(group), word);
                }
                return fieldClause();
            }
            case PHRASE -> {
                if (group == null && lexer.peek(1).is(Type.COLON)) {
                    throw error(token, "a field name can't be quoted (column " + column(token) + ")");
                }
                var phrase = lexer.next();
                return phrase(group == null ? new Scope.AnyField() : new Scope.Field(group), phrase);
            }
            case OPEN_BRACKET, OPEN_BRACE -> {
                if (group == null) {
                    throw error(
                            token, "a range needs a field at column " + column(token) + ": write field:[low TO high]");
                }
                return range(group);
            }
            default -> throw missingTerm(token, after);
        }
    }

    // --- fields

    private QueryNode fieldClause() throws QueryException {
        var fieldToken = lexer.next();
        if (fieldToken.hasWildcards()) {
            throw error(
                    fieldToken,
                    "wildcards are not allowed in field names (" + fieldToken.describe() + " at column "
                            + column(fieldToken) + ")");
        }
        var field = fieldToken.text();
        var operator = lexer.next();
        if (operator.isComparison()) {
            return comparison(field, operator);
        }
        var value = lexer.peek();
        if (operator.is(Type.EQUAL)) {
            return switch (value.type()) {
                case WORD, PHRASE -> fieldValue(field, operator);
                default -> throw expectedValue(operator, value, "");
            };
        }
        return switch (value.type()) {
            case OPEN_PAREN -> {
                var open = lexer.next();
                var inner = or(field, "after '('");
                close(open);
                yield inner;
            }
            case OPEN_BRACKET, OPEN_BRACE -> range(field);
            case WORD, PHRASE -> fieldValue(field, operator);
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL ->
                throw expectedValue(operator, value, ": for a comparison write " + field + value.raw() + "5");
            default -> throw expectedValue(operator, value, "");
        };
    }

    private QueryNode fieldValue(String field, Token operator) throws QueryException {
        var value = lexer.next();
        if (value.isBooleanOperator()) {
            throw expectedValue(operator, value, " (write \\" + value.raw() + " to search for the word)");
        }
        var scope = new Scope.Field(field);
        return value.is(Type.PHRASE) ? phrase(scope, value) : value(scope, value);
    }

    private QueryNode comparison(String field, Token operator) throws QueryException {
        var operand = lexer.peek();
        if (!(operand.is(Type.WORD) || operand.is(Type.PHRASE))
                || operand.isBooleanOperator()
                || operand.isOnlyStars()) {
            throw error(
                    operand,
                    "expected a number or a string after '" + operator.raw() + "' at column " + column(operand)
                            + ", found " + operand.describe());
        }
        if (operand.hasWildcards()) {
            throw error(
                    operand,
                    "wildcards are not allowed in a comparison (" + operand.describe() + " at column " + column(operand)
                            + ")");
        }
        lexer.next();
        limits.term(operand);
        var bound = Bound.of(operand);
        boolean less = operator.is(Type.LESS) || operator.is(Type.LESS_OR_EQUAL);
        boolean inclusive = operator.is(Type.LESS_OR_EQUAL) || operator.is(Type.GREATER_OR_EQUAL);
        var scope = new Scope.Field(field);
        if (bound.number() != null) {
            double limit = bound.number();
            return new QueryNode.Match(
                    scope,
                    less
                            ? new ValueTest.NumberRange(Double.NEGATIVE_INFINITY, true, limit, inclusive)
                            : new ValueTest.NumberRange(limit, inclusive, Double.POSITIVE_INFINITY, true));
        }
        return new QueryNode.Match(
                scope,
                less
                        ? new ValueTest.TextRange(null, true, bound.text(), inclusive)
                        : new ValueTest.TextRange(bound.text(), inclusive, null, true));
    }

    private QueryNode range(String field) throws QueryException {
        var open = lexer.next();
        var low = bound(open, "the lower bound of the range after '" + open.raw() + "'");
        var to = lexer.peek();
        if (!to.isKeyword("TO")) {
            throw error(
                    to,
                    "expected TO after the lower bound at column " + column(to) + ", found " + to.describe()
                            + describeUnclosedRange(open, to));
        }
        lexer.next();
        var high = bound(open, "the upper bound of the range after TO");
        var close = lexer.peek();
        if (!close.is(Type.CLOSE_BRACKET) && !close.is(Type.CLOSE_BRACE)) {
            throw error(
                    close.is(Type.END) ? open : close,
                    close.is(Type.END)
                            ? "unclosed range '" + open.raw() + "' opened at column " + column(open)
                            : "expected ']' or '}' to close the range opened at column " + column(open) + ", found "
                                    + close.describe());
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
                            low.isOpen() ? Double.NEGATIVE_INFINITY : low.number(),
                            low.isOpen() || lowInclusive,
                            high.isOpen() ? Double.POSITIVE_INFINITY : high.number(),
                            high.isOpen() || highInclusive));
        }
        return new QueryNode.Match(
                scope, new ValueTest.TextRange(low.text(), lowInclusive, high.text(), highInclusive));
    }

    private Bound bound(Token open, String what) throws QueryException {
        var token = lexer.peek();
        if (token.is(Type.WORD) && token.isOnlyStars() && token.text().equals("*")) {
            lexer.next();
            return Bound.OPEN;
        }
        if (!(token.is(Type.WORD) || token.is(Type.PHRASE)) || token.isKeyword("TO")) {
            throw error(
                    token.is(Type.END) ? open : token,
                    token.is(Type.END)
                            ? "unclosed range '" + open.raw() + "' opened at column " + column(open)
                            : "expected " + what + " at column " + column(token) + ", found " + token.describe());
        }
        if (token.hasWildcards()) {
            throw error(
                    token,
                    "wildcards are not allowed in range bounds (" + token.describe() + " at column " + column(token)
                            + "); * alone leaves the bound open");
        }
        return Bound.of(lexer.next());
    }

    private String describeUnclosedRange(Token open, Token found) {
        return found.is(Type.END) ? " (the range opened at column " + column(open) + " is not closed)" : "";
    }

    /** A range bound or comparison operand: a number when it is an unquoted number, else lower-cased text. */
    private record Bound(String text, Double number) {

        static final Bound OPEN = new Bound(null, null);

        static Bound of(Token token) {
            var number = token.is(Type.WORD) ? NumberRule.parseIndexed(token.text()) : java.util.OptionalDouble.empty();
            return new Bound(Tokens.lower(token.text()), number.isPresent() ? number.getAsDouble() : null);
        }

        boolean isOpen() {
            return text == null;
        }

        boolean isNumeric() {
            return isOpen() || number != null;
        }
    }

    // --- values

    private QueryNode value(Scope scope, Token word) throws QueryException {
        limits.term(word);
        if (word.isOnlyStars()) {
            return scope instanceof Scope.Field(var path) ? new QueryNode.Exists(path) : new QueryNode.All();
        }
        if (word.hasWildcards()) {
            limits.wildcard(word);
            return new QueryNode.Match(
                    scope, new ValueTest.Wildcard(WildcardPattern.of(word.text(), word.wildcards())));
        }
        return words(scope, word, "the value " + word.describe() + " at column " + column(word) + " has no word");
    }

    private QueryNode phrase(Scope scope, Token phrase) throws QueryException {
        limits.term(phrase);
        return words(scope, phrase, "empty quotes at column " + column(phrase) + ": put a word between them");
    }

    private QueryNode words(Scope scope, Token token, String whenEmpty) throws QueryException {
        List<String> tokens = Tokens.of(token.text());
        if (tokens.isEmpty()) {
            throw error(token, whenEmpty);
        }
        if (tokens.size() > 1) {
            return new QueryNode.Match(scope, new ValueTest.Phrase(List.copyOf(tokens)));
        }
        var word = ValueTest.Word.of(tokens.getFirst());
        if (scope instanceof Scope.Field(var path)
                && IN_VIOLATION.matcher(path).matches()
                && word.token().equals("false")) {
            throw error(token, path + " can only be searched for true (column " + column(token) + ")");
        }
        return new QueryNode.Match(scope, word);
    }

    // --- errors

    private void close(Token open) throws QueryException {
        var close = lexer.peek();
        if (!close.is(Type.CLOSE_PAREN)) {
            throw close.is(Type.END)
                    ? error(open, "unclosed '(' opened at column " + column(open))
                    : error(
                            close,
                            "expected ')' to close the '(' opened at column " + column(open) + ", found "
                                    + close.describe() + " at column " + column(close));
        }
        lexer.next();
    }

    /** A term was due ({@code after} says after what, empty at the start) but {@code found} can't start one. */
    private QueryException missingTerm(Token found, String after) {
        var where = after.isEmpty() ? "" : " " + after;
        return switch (found.type()) {
            case WORD ->
                after.isEmpty()
                        ? error(found, "expected a term before " + found.raw() + " at column " + column(found))
                        : error(
                                found,
                                "expected a term" + where + " at column " + column(found) + ", found " + found.raw());
            case END, OPEN_PAREN, PHRASE, MINUS ->
                error(found, "expected a term" + where + " at column " + column(found) + ", found " + found.describe());
            case CLOSE_PAREN ->
                after.isEmpty()
                        ? unexpected(found)
                        : error(found, "expected a term" + where + " at column " + column(found) + ", found ')'");
            default -> unexpected(found);
        };
    }

    private QueryException expectedValue(Token operator, Token found, String hint) {
        return error(
                found,
                "expected a value after '" + operator.raw() + "' at column " + column(found) + ", found "
                        + found.describe() + hint);
    }

    private QueryException unexpected(Token token) {
        var hint = switch (token.type()) {
            case CLOSE_PAREN -> ": there is no '(' to close";
            case COLON -> ": write \\: to search for a colon";
            case CLOSE_BRACKET, CLOSE_BRACE -> ": there is no range to close";
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, EQUAL -> ": a comparison needs a field name before it";
            default -> "";
        };
        return error(token, "unexpected " + token.describe() + " at column " + column(token) + hint);
    }

    private QueryException error(Token at, String message) {
        return new QueryException(query, at.start(), message);
    }

    private int column(Token token) {
        return QueryException.columnOf(query, token.start());
    }
}
