package io.fleetdeck.index;

import java.util.ArrayList;
import java.util.List;

/** A parsed query: boolean combinations of value tests on fields (AWS-IOT-BEHAVIOUR §3.3). */
sealed interface QueryNode {

    /** {@code *}: every indexed thing. */
    record All() implements QueryNode {}

    record And(List<QueryNode> clauses) implements QueryNode {}

    record Or(List<QueryNode> clauses) implements QueryNode {}

    /** {@code NOT x} or {@code -x}: every indexed thing that {@code x} does not match, with or without the field. */
    record Not(QueryNode clause) implements QueryNode {}

    /** {@code field:*}: the thing has a searchable value at {@code field} or at a path below it. */
    record Exists(String field) implements QueryNode {}

    /** Some value in scope passes the test. */
    record Match(Scope scope, ValueTest test) implements QueryNode {}

    static QueryNode and(List<QueryNode> clauses) {
        return clauses.size() == 1 ? clauses.getFirst() : new And(flatten(clauses, And.class));
    }

    static QueryNode or(List<QueryNode> clauses) {
        return clauses.size() == 1 ? clauses.getFirst() : new Or(flatten(clauses, Or.class));
    }

    /** {@code NOT NOT x} is {@code x}; folding it keeps long chains of {@code -} from nesting deep. */
    static QueryNode not(QueryNode clause) {
        return clause instanceof Not(var inner) ? inner : new Not(clause);
    }

    private static List<QueryNode> flatten(List<QueryNode> clauses, Class<? extends QueryNode> kind) {
        var flat = new ArrayList<QueryNode>();
        for (var clause : clauses) {
            switch (clause) {
                case And(var inner) when kind == And.class -> flat.addAll(inner);
                case Or(var inner) when kind == Or.class -> flat.addAll(inner);
                default -> flat.add(clause);
            }
        }
        return List.copyOf(flat);
    }

    /** Where a test looks: one field, or every field of the catch-all (a bare term). */
    sealed interface Scope {

        record Field(String path) implements Scope {}

        record AnyField() implements Scope {}
    }
}
