package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.search.Buckets;
import io.fleetdeck.api.search.FieldStatistics;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexSearch;
import io.fleetdeck.api.search.QueryHint;
import io.fleetdeck.api.search.QueryProblem;
import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.ValueCount;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.index.Aggregations;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.IndexedField;
import io.fleetdeck.index.QueryException;
import io.fleetdeck.index.QuerySyntax;
import io.fleetdeck.index.SearchSort;
import io.fleetdeck.index.Statistics;
import io.fleetdeck.index.ThingGroupSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link FleetSearchService} over this process's fleet index. The index is looked up on each call, because a rebuild
 * on demand replaces it. Any thread.
 */
public final class LocalFleetSearch implements FleetSearchService {

    private final Supplier<FleetIndex> index;
    private final Registry registry;

    public LocalFleetSearch(Supplier<FleetIndex> index, Registry registry) {
        this.index = index;
        this.registry = registry;
    }

    @Override
    public List<String> searchIndex(IndexSearch search) throws FleetApiException {
        FleetQuery query = parse(search.queryString());
        return switch (search.indexName()) {
            case IndexSearch.THING_GROUPS -> new ThingGroupSearch(registry).search(query);
            case IndexSearch.THINGS -> {
                String field = search.sortField() == null ? SearchSort.BY_NAME.field() : search.sortField();
                yield index.get()
                        .search(query, new SearchSort(field, search.descending()), 0, Integer.MAX_VALUE)
                        .thingNames();
            }
            default ->
                throw new ResourceNotFoundException("no index named " + search.indexName() + "; there are "
                        + IndexSearch.THINGS + " and " + IndexSearch.THING_GROUPS);
        };
    }

    @Override
    public Set<String> thingsMatching(String queryString) throws FleetApiException {
        return new LinkedHashSet<>(index.get().allMatching(parse(queryString)));
    }

    /** Over the changed things only: the index looks them up by name and tests the query on those alone. */
    @Override
    public Set<String> thingsMatchingAmong(String queryString, Collection<String> thingNames) throws FleetApiException {
        return index.get().matchingAmong(parse(queryString), thingNames);
    }

    @Override
    public List<QuerySpan> querySpans(String queryString) {
        return QuerySyntax.spans(queryString);
    }

    @Override
    public Optional<QueryProblem> queryProblem(String queryString) {
        try {
            parse(queryString);
            return Optional.empty();
        } catch (InvalidQueryException e) {
            return Optional.of(QueryProblem.of(e));
        }
    }

    @Override
    public List<QueryHint> unknownFields(String indexName, String queryString) {
        if (queryProblem(queryString).isPresent()) {
            return List.of();
        }
        Set<String> known = switch (indexName) {
            case IndexSearch.THING_GROUPS -> new ThingGroupSearch(registry).fieldNames();
            default -> indexedFields().stream().map(IndexField::path).collect(Collectors.toCollection(TreeSet::new));
        };
        String what = IndexSearch.THING_GROUPS.equals(indexName) ? "no thing group" : "no thing";
        List<QueryHint> hints = new ArrayList<>();
        for (QuerySpan span : QuerySyntax.spans(queryString)) {
            String field = queryString.substring(span.start(), span.end());
            if (span.kind() == QuerySpan.Kind.FIELD && !known.contains(field)) {
                String meant = Spelling.closest(field, known)
                        .map(closest -> "; did you mean " + closest + "?")
                        .orElse("");
                hints.add(new QueryHint(
                        field,
                        span.start(),
                        span.end(),
                        what + " has the field " + field + ", so this term matches nothing" + meant));
            }
        }
        return hints;
    }

    @Override
    public List<IndexField> indexedFields() {
        return index.get().fieldNames().stream()
                .map(field -> new IndexField(field.path(), typesOf(field)))
                .toList();
    }

    @Override
    public List<ValueCount> topValues(String field, String prefix, int limit) {
        return index.get().topValues(field, prefix, limit).stream()
                .map(bucket -> new ValueCount(bucket.keyValue(), bucket.count()))
                .toList();
    }

    @Override
    public FieldStatistics statistics(String queryString, String field) throws FleetApiException {
        Statistics statistics = new Aggregations(index.get()).statistics(parse(queryString), field);
        return new FieldStatistics(
                statistics.count(),
                statistics.average(),
                statistics.sum(),
                statistics.minimum(),
                statistics.maximum(),
                statistics.sumOfSquares(),
                statistics.variance(),
                statistics.stdDeviation());
    }

    @Override
    public Buckets buckets(String queryString, String field, int maxBuckets) throws FleetApiException {
        var buckets = new Aggregations(index.get()).buckets(parse(queryString), field, maxBuckets);
        return new Buckets(
                buckets.totalCount(),
                buckets.buckets().stream()
                        .map(bucket -> new ValueCount(bucket.keyValue(), bucket.count()))
                        .toList());
    }

    private static FleetQuery parse(String queryString) throws InvalidQueryException {
        try {
            return FleetQuery.parse(queryString);
        } catch (QueryException e) {
            throw ApiErrors.of(e);
        }
    }

    private static Set<IndexField.ValueType> typesOf(IndexedField field) {
        Set<IndexField.ValueType> types = EnumSet.noneOf(IndexField.ValueType.class);
        field.types().forEach(type -> types.add(IndexField.ValueType.valueOf(type.name())));
        return types;
    }
}
