package io.fleetdeck.views.fleet;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.search.Buckets;
import io.fleetdeck.api.search.FieldStatistics;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexField.ValueType;
import io.fleetdeck.api.search.IndexSearch;
import io.fleetdeck.api.search.QueryHint;
import io.fleetdeck.api.search.QueryProblem;
import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.QuerySpan.Kind;
import io.fleetdeck.api.search.ValueCount;
import io.fleetdeck.api.things.ThingOverview;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fleet index over a {@link FakeFleet}, just enough of the language for the query bar's tests: {@code *} and
 * {@code field:value} clauses joined by spaces or AND, on a few fields. A query ending in {@code :} is malformed at
 * its end, as the real parser says. Each thing's battery is its number modulo 100. Thread-safe.
 */
final class FakeSearch implements FleetSearchService {

    static final String END_PROBLEM = "expected a value after ':' at column %d, found the end of the query";

    private final FakeFleet fleet;
    private final Map<String, Function<ThingOverview, String>> fields = Map.of(
            "thingName", ThingOverview::name,
            "thingTypeName", ThingOverview::thingType,
            "attributes.firmwareVersion", ThingOverview::firmwareVersion,
            "connectivity.connected", row -> Boolean.toString(row.connected()));

    /** Fields the index came to hold after it was first asked, as a real one does with a thing's new attribute. */
    private final List<IndexField> learned = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeSearch(FakeFleet fleet) {
        this.fleet = fleet;
    }

    static int battery(ThingOverview row) {
        String digits = row.name().replaceAll("\\D", "");
        return digits.isEmpty() ? 50 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 5))) % 100;
    }

    @Override
    public List<QuerySpan> querySpans(String query) {
        List<QuerySpan> spans = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            if (Character.isWhitespace(query.charAt(i))) {
                i++;
                continue;
            }
            if (query.charAt(i) == ':') {
                spans.add(new QuerySpan(Kind.OPERATOR, i, i + 1));
                i++;
                continue;
            }
            int end = i;
            while (end < query.length() && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != ':') {
                end++;
            }
            String word = query.substring(i, end);
            Kind kind = end < query.length() && query.charAt(end) == ':'
                    ? Kind.FIELD
                    : word.equals("AND") ? Kind.BOOLEAN : Kind.VALUE;
            spans.add(new QuerySpan(kind, i, end));
            i = end;
        }
        return spans;
    }

    @Override
    public Optional<QueryProblem> queryProblem(String query) {
        String text = query.stripTrailing();
        if (text.endsWith(":")) {
            int column = text.length() + 1;
            return Optional.of(
                    new QueryProblem(text.length(), column, String.format(Locale.ROOT, END_PROBLEM, column)));
        }
        return Optional.empty();
    }

    /** How often a query ran over the whole fleet, and over only some things. */
    final AtomicInteger wholeFleetSearches = new AtomicInteger();

    final AtomicInteger searchesAmongChanged = new AtomicInteger();

    @Override
    public Set<String> thingsMatchingAmong(String query, Collection<String> thingNames) {
        searchesAmongChanged.incrementAndGet();
        Set<String> found = new LinkedHashSet<>();
        for (ThingOverview row : fleet.things(thingNames)) {
            if (matches(row, query)) {
                found.add(row.name());
            }
        }
        return found;
    }

    @Override
    public Set<String> thingsMatching(String query) throws InvalidQueryException {
        wholeFleetSearches.incrementAndGet();
        Optional<QueryProblem> wrong = queryProblem(query);
        if (wrong.isPresent()) {
            throw new InvalidQueryException(
                    wrong.get().message(), query, wrong.get().position());
        }
        Set<String> found = new LinkedHashSet<>();
        for (ThingOverview row : fleet.allThings()) {
            if (matches(row, query)) {
                found.add(row.name());
            }
        }
        return found;
    }

    @Override
    public List<String> searchIndex(IndexSearch search) throws InvalidQueryException {
        return List.copyOf(thingsMatching(search.queryString()));
    }

    private boolean matches(ThingOverview row, String query) {
        for (String clause : query.strip().split("\\s+(AND\\s+)?")) {
            if (clause.equals("*")) {
                continue;
            }
            int colon = clause.indexOf(':');
            Function<ThingOverview, String> field = colon < 0 ? null : fields.get(clause.substring(0, colon));
            if (field == null || !clause.substring(colon + 1).equalsIgnoreCase(Objects.toString(field.apply(row)))) {
                return false;
            }
        }
        return true;
    }

    /** As the real index: a field no thing has is named, with nothing to suggest here. */
    @Override
    public List<QueryHint> unknownFields(String indexName, String query) {
        Set<String> known = new java.util.HashSet<>();
        indexedFields().forEach(field -> known.add(field.path()));
        List<QueryHint> hints = new ArrayList<>();
        for (QuerySpan span : querySpans(query)) {
            String field = query.substring(span.start(), span.end());
            if (span.kind() == Kind.FIELD && !known.contains(field)) {
                hints.add(new QueryHint(
                        field,
                        span.start(),
                        span.end(),
                        "no thing has the field " + field + ", so it matches nothing"));
            }
        }
        return hints;
    }

    @Override
    public List<IndexField> indexedFields() {
        List<IndexField> list = new ArrayList<>();
        fields.keySet().stream()
                .sorted()
                .forEach(path -> list.add(new IndexField(
                        path,
                        path.startsWith("connectivity")
                                ? EnumSet.of(ValueType.BOOLEAN)
                                : EnumSet.of(ValueType.STRING))));
        list.add(new IndexField("shadow.reported.battery", EnumSet.of(ValueType.NUMBER)));
        list.addAll(learned);
        list.sort((a, b) -> a.path().compareTo(b.path()));
        return list;
    }

    void learn(IndexField field) {
        learned.add(field);
    }

    @Override
    public List<ValueCount> topValues(String field, String prefix, int limit) {
        Function<ThingOverview, String> read = fields.get(field);
        if (read == null) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        for (ThingOverview row : fleet.allThings()) {
            String value = read.apply(row);
            if (value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return ranked(counts, limit);
    }

    @Override
    public FieldStatistics statistics(String query, String field) throws InvalidQueryException {
        Set<String> found = thingsMatching(query);
        double sum = 0;
        double squares = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String name : found) {
            int battery = battery(fleet.get(name));
            sum += battery;
            squares += (double) battery * battery;
            min = Math.min(min, battery);
            max = Math.max(max, battery);
        }
        if (found.isEmpty()) {
            return new FieldStatistics(0, null, null, null, null, null, null, null);
        }
        double average = sum / found.size();
        double variance = Math.max(0, squares / found.size() - average * average);
        return new FieldStatistics(found.size(), average, sum, min, max, squares, variance, Math.sqrt(variance));
    }

    @Override
    public Buckets buckets(String query, String field, int max) throws InvalidQueryException {
        Function<ThingOverview, String> read = fields.get(field);
        Set<String> found = thingsMatching(query);
        Map<String, Long> counts = new HashMap<>();
        for (String name : found) {
            String value = read == null ? null : read.apply(fleet.get(name));
            if (value != null) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return new Buckets(found.size(), ranked(counts, max));
    }

    private static List<ValueCount> ranked(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .map(entry -> new ValueCount(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> a.count() != b.count()
                        ? Long.compare(b.count(), a.count())
                        : a.value().compareTo(b.value()))
                .limit(limit)
                .toList();
    }
}
