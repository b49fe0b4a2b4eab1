package io.fleetdeck.app.gui;

import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.index.Aggregations;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.IndexedField;
import io.fleetdeck.index.QueryException;
import io.fleetdeck.index.QuerySyntax;
import io.fleetdeck.views.fleet.FleetSearch;
import io.fleetdeck.views.fleet.MalformedQueryException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Fleet view's query bar over the fleet index: queries parsed by {@link FleetQuery}, coloured by {@link
 * QuerySyntax}, run by {@link FleetIndex}, aggregated by {@link Aggregations}. The index is looked up on each call,
 * because a rebuild on demand replaces it. Any thread.
 */
public final class FleetSearchAdapter implements FleetSearch {

    private final Supplier<FleetIndex> index;

    FleetSearchAdapter(Supplier<FleetIndex> index) {
        this.index = index;
    }

    /** The query bar's source for a running instance. */
    public static FleetSearch of(FleetdeckInstance instance) {
        return new FleetSearchAdapter(() -> instance.services().fleetIndex());
    }

    @Override
    public List<Span> spans(String query) {
        return QuerySyntax.spans(query).stream()
                .map(span -> new Span(SpanKind.valueOf(span.kind().name()), span.start(), span.end()))
                .toList();
    }

    @Override
    public @Nullable Problem problem(String query) {
        try {
            FleetQuery.parse(query);
            return null;
        } catch (QueryException e) {
            return problemOf(e);
        }
    }

    @Override
    public Set<String> search(String query) throws MalformedQueryException {
        return new LinkedHashSet<>(index.get().allMatching(parse(query)));
    }

    /** Over the changed things only: the index looks them up by name and tests the query on those alone. */
    @Override
    public Set<String> matchingAmong(String query, Collection<String> thingNames) throws MalformedQueryException {
        return index.get().matchingAmong(parse(query), thingNames);
    }

    @Override
    public List<Field> fields() {
        return index.get().fieldNames().stream()
                .map(field -> new Field(field.path(), typesOf(field)))
                .toList();
    }

    @Override
    public List<ValueCount> values(String field, String prefix, int limit) {
        return index.get().topValues(field, prefix, limit).stream()
                .map(bucket -> new ValueCount(bucket.keyValue(), bucket.count()))
                .toList();
    }

    @Override
    public Statistics statistics(String query, String field) throws MalformedQueryException {
        var statistics = new Aggregations(index.get()).statistics(parse(query), field);
        return new Statistics(
                statistics.count(),
                statistics.minimum(),
                statistics.average(),
                statistics.maximum(),
                statistics.stdDeviation());
    }

    @Override
    public Buckets buckets(String query, String field, int max) throws MalformedQueryException {
        var buckets = new Aggregations(index.get()).buckets(parse(query), field, max);
        return new Buckets(
                buckets.totalCount(),
                buckets.buckets().stream()
                        .map(bucket -> new ValueCount(bucket.keyValue(), bucket.count()))
                        .toList());
    }

    private static FleetQuery parse(String query) throws MalformedQueryException {
        try {
            return FleetQuery.parse(query);
        } catch (QueryException e) {
            throw new MalformedQueryException(problemOf(e));
        }
    }

    private static Problem problemOf(QueryException e) {
        return new Problem(e.position(), e.column(), e.getMessage());
    }

    private static Set<FieldType> typesOf(IndexedField field) {
        Set<FieldType> types = EnumSet.noneOf(FieldType.class);
        field.types().forEach(type -> types.add(FieldType.valueOf(type.name())));
        return types;
    }
}
