package io.fleetdeck.index;

import io.fleetdeck.index.QueryNode.Scope;

/** Points a query's {@code thingGroupNames} tests at the field that holds only the static groups. */
final class StaticGroupsOnly {

    private static final String GROUPS = "thingGroupNames";

    private StaticGroupsOnly() {}

    static QueryNode rewrite(QueryNode node) {
        return switch (node) {
            case QueryNode.All all -> all;
            case QueryNode.And(var clauses) ->
                new QueryNode.And(
                        clauses.stream().map(StaticGroupsOnly::rewrite).toList());
            case QueryNode.Or(var clauses) ->
                new QueryNode.Or(clauses.stream().map(StaticGroupsOnly::rewrite).toList());
            case QueryNode.Not(var clause) -> new QueryNode.Not(rewrite(clause));
            case QueryNode.Exists(var field) ->
                new QueryNode.Exists(field.equals(GROUPS) ? DocumentEncoding.STATIC_GROUPS : field);
            case QueryNode.Match(Scope.Field(var path), var test)
            when path.equals(GROUPS) -> new QueryNode.Match(new Scope.Field(DocumentEncoding.STATIC_GROUPS), test);
            case QueryNode.Match match -> match;
        };
    }
}
