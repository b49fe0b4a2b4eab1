package io.fleetdeck.index;

import io.fleetdeck.index.QueryNode.All;
import io.fleetdeck.index.QueryNode.And;
import io.fleetdeck.index.QueryNode.Exists;
import io.fleetdeck.index.QueryNode.Match;
import io.fleetdeck.index.QueryNode.Not;
import io.fleetdeck.index.QueryNode.Or;
import io.fleetdeck.index.QueryNode.Scope;
import java.util.Collections;
import java.util.List;

/**
 * Evaluates a parsed query against one thing, straight from the definitions in {@link ValueTest}, without
 * Lucene. The differential test holds the Lucene translation to it; dynamic groups can use it to check a
 * single changed thing.
 */
final class InMemoryMatch {

    private InMemoryMatch() {}

    static boolean matches(QueryNode node, FleetDocument thing) {
        return switch (node) {
            case All all -> true;
            case And(var clauses) -> clauses.stream().allMatch(clause -> matches(clause, thing));
            case Or(var clauses) -> clauses.stream().anyMatch(clause -> matches(clause, thing));
            case Not(var excluded) -> !matches(excluded, thing);
            case Exists(var field) ->
                thing.fields().keySet().stream()
                        .anyMatch(path -> FieldPaths.isSearchable(path)
                                && FieldPaths.existenceNames(path).contains(field));
            case Match(var scope, var test) -> valuesIn(scope, thing).stream().anyMatch(value -> passes(test, value));
        };
    }

    private static List<Object> valuesIn(Scope scope, FleetDocument thing) {
        return switch (scope) {
            case Scope.Field(var path) -> FieldPaths.isSearchable(path) ? thing.values(path) : List.of();
            case Scope.AnyField any ->
                thing.fields().entrySet().stream()
                        .filter(field -> FieldPaths.inCatchAll(field.getKey()))
                        .flatMap(field -> field.getValue().stream())
                        .toList();
        };
    }

    private static boolean passes(ValueTest test, Object value) {
        return switch (test) {
            case ValueTest.Word word ->
                switch (value) {
                    case String text -> Tokens.of(text).contains(word.token());
                    case Number number ->
                        word.number().isPresent() && word.number().getAsDouble() == NumberRule.indexed(number);
                    case Boolean bool -> word.token().equals(bool.toString());
                    default -> false;
                };
            case ValueTest.Phrase phrase ->
                value instanceof String text && Collections.indexOfSubList(Tokens.of(text), phrase.tokens()) >= 0;
            case ValueTest.Wildcard wildcard ->
                value instanceof String text && Tokens.of(text).stream().anyMatch(wildcard.pattern()::matches);
            case ValueTest.NumberRange range ->
                value instanceof Number number && range.contains(NumberRule.indexed(number));
            case ValueTest.TextRange range ->
                value instanceof String text && Tokens.of(text).stream().anyMatch(range::contains);
        };
    }
}
