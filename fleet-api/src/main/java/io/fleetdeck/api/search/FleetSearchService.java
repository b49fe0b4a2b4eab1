package io.fleetdeck.api.search;

import io.fleetdeck.api.error.FleetApiException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet index: AWS's Fleet Indexing query language (AWS-IOT-BEHAVIOUR §3.3), its aggregations, and what a search
 * box needs while the user types. A query that does not run is an {@code InvalidQueryException} saying where.
 */
public interface FleetSearchService {

    /** SearchIndex: the names of the things (or groups) found, in the order asked for. */
    List<String> searchIndex(IndexSearch search) throws FleetApiException;

    /** The names of every thing the query finds, in name order. */
    Set<String> thingsMatching(String queryString) throws FleetApiException;

    /** Which of {@code thingNames} the query finds: the forward path, that tests only the things that changed. */
    Set<String> thingsMatchingAmong(String queryString, Collection<String> thingNames) throws FleetApiException;

    /** The parts of a query for a search box to colour; never refuses, whatever the text. */
    List<QuerySpan> querySpans(String queryString);

    /** Why the query would be refused, or empty when it runs. */
    Optional<QueryProblem> queryProblem(String queryString);

    /**
     * The fields {@code queryString} names that index {@code indexName} does not hold ({@link IndexSearch#THINGS} or
     * {@link IndexSearch#THING_GROUPS}), each with the field probably meant: such a term matches nothing, and a query
     * that silently finds nothing is worse than one that says why. Empty for a query that does not parse.
     */
    List<QueryHint> unknownFields(String indexName, String queryString);

    /** Every field the index knows, by path. */
    List<IndexField> indexedFields();

    /** The most common values of a field that start with {@code prefix}, at most {@code limit}. */
    List<ValueCount> topValues(String field, String prefix, int limit);

    /** GetStatistics of a field over the things the query finds. */
    FieldStatistics statistics(String queryString, String field) throws FleetApiException;

    /** GetBucketsAggregation: the field's most common values among the things the query finds. */
    Buckets buckets(String queryString, String field, int maxBuckets) throws FleetApiException;
}
