package io.fleetdeck.views.fleet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fleet index as the Fleet view's query bar uses it: runs a query in the fleet indexing language
 * (AWS-IOT-BEHAVIOUR §3.3), colours and checks its text, offers the fields and values to complete, and aggregates
 * what a query finds. The application implements it over its fleet index.
 *
 * <p>{@link #spans} and {@link #problem} only read the text: cheap, and called on the JavaFX thread as the user
 * types. Everything else reads the index and is called on a background thread, never the JavaFX thread.
 */
public interface FleetSearch {

    /** The coloured parts of {@code query}, in order; never fails, whatever the text. */
    List<Span> spans(String query);

    /** What is wrong with {@code query}, or null when it runs. */
    Problem problem(String query);

    /** The names of the things {@code query} finds now. */
    Set<String> search(String query) throws MalformedQueryException;

    /**
     * Which of {@code thingNames} {@code query} finds now: after a batch of changes the table asks this of the things
     * that changed, not the whole fleet again.
     */
    default Set<String> matchingAmong(String query, Collection<String> thingNames) throws MalformedQueryException {
        Set<String> found = search(query);
        Set<String> matching = new LinkedHashSet<>();
        thingNames.stream().filter(found::contains).forEach(matching::add);
        return matching;
    }

    /** The fields a query can name, sorted by path. */
    List<Field> fields();

    /** The most frequent values of a string or boolean field starting with {@code prefix}, case aside. */
    List<ValueCount> values(String field, String prefix, int limit);

    /** Count, minimum, average, maximum and standard deviation of a number field over what {@code query} finds. */
    Statistics statistics(String query, String field) throws MalformedQueryException;

    /** The most frequent values of a field among what {@code query} finds, at most {@code max}. */
    Buckets buckets(String query, String field, int max) throws MalformedQueryException;

    /** What a part of a query is, for its colour. */
    enum SpanKind {
        FIELD,
        OPERATOR,
        VALUE,
        PHRASE,
        WILDCARD_VALUE,
        RANGE,
        BOOLEAN,
        PAREN,
        ERROR
    }

    /** Characters {@code start} to {@code end} (exclusive) of a query are a {@code kind}. */
    record Span(SpanKind kind, int start, int end) {}

    /**
     * Why a query does not run, and where.
     *
     * @param position 0-based offset in the text, for the caret and the marker
     * @param column 1-based column as a person counts characters
     */
    record Problem(int position, int column, String message) {

        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    enum FieldType {
        STRING,
        NUMBER,
        BOOLEAN
    }

    /** A field a query can name, with the types its values have across the fleet. */
    record Field(String path, Set<FieldType> types) {

        public Field {
            types = Set.copyOf(types);
        }

        public boolean has(FieldType type) {
            return types.contains(type);
        }
    }

    /** A value and the number of things that have it. */
    record ValueCount(String value, long count) {}

    /** GetStatistics for a number field; the values are null when no thing found has a number there. */
    record Statistics(long count, Double minimum, Double average, Double maximum, Double stdDeviation) {}

    /** GetBucketsAggregation: the values ranked by count, of {@code totalCount} things found. */
    record Buckets(long totalCount, List<ValueCount> buckets) {

        public Buckets {
            buckets = List.copyOf(buckets);
        }
    }
}
