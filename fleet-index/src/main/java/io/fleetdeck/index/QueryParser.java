package io.fleetdeck.index;

import io.fleetdeck.index.QueryNode.Scope;
import io.fleetdeck.index.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
    private final ParseErrors errors;
    private final RangeParser ranges;

    private QueryParser(String query) {
        this.query = query;
        this.lexer = new Lexer(query);
        this.limits = new QueryLimits(query);
        this.errors = new ParseErrors(query);
        this.ranges = new RangeParser(lexer, limits, errors);
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
            throw errors.unexpected(extra);
        }
        limits.finish();
        return root;
    }

    // --- boolean structure; `group` is the field of an enclosing field group, or null

    private QueryNode or(@Nullable String group, String after) throws QueryException {
        var clauses = new ArrayList<QueryNode>();
        clauses.add(and(group, after));
        while (lexer.peek().isKeyword("OR")) {
            lexer.next();
            clauses.add(and(group, "after OR"));
        }
        return QueryNode.or(clauses);
    }

    private QueryNode and(@Nullable String group, String after) throws QueryException {
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

    private QueryNode unary(@Nullable String group, String after) throws QueryException {
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

    private QueryNode primary(@Nullable String group, String after) throws QueryException {
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
                    throw errors.missingTerm(token, after);
                }
                var follower = lexer.peek(1);
                boolean namesField = follower.is(Type.COLON) || follower.is(Type.EQUAL) || follower.isComparison();
                if (namesField && group != null) {
                    throw errors.at(
                            token,
                            "a field group can't name another field (" + token.describe() + " at column "
                                    + errors.column(token) + " inside the group of " + group + ")");
                }
                if (!namesField) {
                    var word = lexer.next();
                    return value(group == null ? new Scope.AnyField() : new Scope.Field(group), word);
                }
                return fieldClause();
            }
            case PHRASE -> {
                if (group == null && lexer.peek(1).is(Type.COLON)) {
                    throw errors.at(token, "a field name can't be quoted (column " + errors.column(token) + ")");
                }
                var phrase = lexer.next();
                return phrase(group == null ? new Scope.AnyField() : new Scope.Field(group), phrase);
            }
            case OPEN_BRACKET, OPEN_BRACE -> {
                if (group == null) {
                    throw errors.at(
                            token,
                            "a range needs a field at column " + errors.column(token) + ": write field:[low TO high]");
                }
                return ranges.range(group);
            }
            default -> throw errors.missingTerm(token, after);
        }
    }

    // --- fields

    private QueryNode fieldClause() throws QueryException {
        var fieldToken = lexer.next();
        if (fieldToken.hasWildcards()) {
            throw errors.at(
                    fieldToken,
                    "wildcards are not allowed in field names (" + fieldToken.describe() + " at column "
                            + errors.column(fieldToken) + ")");
        }
        var field = fieldToken.text();
        var operator = lexer.next();
        if (operator.isComparison()) {
            return ranges.comparison(field, operator);
        }
        var value = lexer.peek();
        if (operator.is(Type.EQUAL)) {
            return switch (value.type()) {
                case WORD, PHRASE -> fieldValue(field, operator);
                default -> throw errors.expectedValue(operator, value, "");
            };
        }
        return switch (value.type()) {
            case OPEN_PAREN -> {
                var open = lexer.next();
                var inner = or(field, "after '('");
                close(open);
                yield inner;
            }
            case OPEN_BRACKET, OPEN_BRACE -> ranges.range(field);
            case WORD, PHRASE -> fieldValue(field, operator);
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL ->
                throw errors.expectedValue(operator, value, ": for a comparison write " + field + value.raw() + "5");
            default -> throw errors.expectedValue(operator, value, "");
        };
    }

    private QueryNode fieldValue(String field, Token operator) throws QueryException {
        var value = lexer.next();
        if (value.isBooleanOperator()) {
            throw errors.expectedValue(operator, value, " (write \\" + value.raw() + " to search for the word)");
        }
        var scope = new Scope.Field(field);
        return value.is(Type.PHRASE) ? phrase(scope, value) : value(scope, value);
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
        return words(
                scope, word, "the value " + word.describe() + " at column " + errors.column(word) + " has no word");
    }

    private QueryNode phrase(Scope scope, Token phrase) throws QueryException {
        limits.term(phrase);
        return words(scope, phrase, "empty quotes at column " + errors.column(phrase) + ": put a word between them");
    }

    private QueryNode words(Scope scope, Token token, String whenEmpty) throws QueryException {
        List<String> tokens = Tokens.of(token.text());
        if (tokens.isEmpty()) {
            throw errors.at(token, whenEmpty);
        }
        if (tokens.size() > 1) {
            return new QueryNode.Match(scope, new ValueTest.Phrase(List.copyOf(tokens)));
        }
        var word = ValueTest.Word.of(tokens.getFirst());
        if (scope instanceof Scope.Field(var path)
                && IN_VIOLATION.matcher(path).matches()
                && word.token().equals("false")) {
            throw errors.at(token, path + " can only be searched for true (column " + errors.column(token) + ")");
        }
        return new QueryNode.Match(scope, word);
    }

    // --- parentheses

    private void close(Token open) throws QueryException {
        var close = lexer.peek();
        if (!close.is(Type.CLOSE_PAREN)) {
            throw close.is(Type.END)
                    ? errors.unclosed(open)
                    : errors.at(
                            close,
                            "expected ')' to close the '(' opened at column " + errors.column(open) + ", found "
                                    + close.describe() + " at column " + errors.column(close));
        }
        lexer.next();
    }
}
