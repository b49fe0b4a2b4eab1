package io.fleetdeck.views.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fleet index over a {@link FakeFleet}, just enough of the language for the query bar's tests: {@code *} and
 * {@code field:value} clauses joined by spaces or AND, on a few fields. A query ending in {@code :} is malformed at
 * its end, as the real parser says. Each thing's battery is its number modulo 100. Thread-safe.
 */
final class FakeSearch implements FleetSearch {

    static final String END_PROBLEM = "expected a value after ':' at column %d, found the end of the query";

    private final FakeFleet fleet;
    private final Map<String, Function<ThingRow, String>> fields = Map.of(
            "thingName", ThingRow::name,
            "thingTypeName", ThingRow::thingType,
            "attributes.firmwareVersion", ThingRow::firmwareVersion,
            "connectivity.connected", row -> Boolean.toString(row.connected()));

    FakeSearch(FakeFleet fleet) {
        this.fleet = fleet;
    }

    static int battery(ThingRow row) {
        String digits = row.name().replaceAll("\\D", "");
        return digits.isEmpty() ? 50 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 5))) % 100;
    }

    @Override
    public List<Span> spans(String query) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            if (Character.isWhitespace(query.charAt(i))) {
                i++;
                continue;
            }
            if (query.charAt(i) == ':') {
                spans.add(new Span(SpanKind.OPERATOR, i, i + 1));
                i++;
                continue;
            }
            int end = i;
            while (end < query.length() && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != ':') {
                end++;
            }
            String word = query.substring(i, end);
            SpanKind kind = end < query.length() && query.charAt(end) == ':'
                    ? SpanKind.FIELD
                    : word.equals("AND") ? SpanKind.BOOLEAN : SpanKind.VALUE;
            spans.add(new Span(kind, i, end));
            i = end;
        }
        return spans;
    }

    @Override
    public Problem problem(String query) {
        String text = query.stripTrailing();
        if (text.endsWith(":")) {
            int column = text.length() + 1;
            return new Problem(text.length(), column, String.format(Locale.ROOT, END_PROBLEM, column));
        }
        return null;
    }

    /** How often a query ran over the whole fleet, and over only some things. */
    final AtomicInteger wholeFleetSearches = new AtomicInteger();

    final AtomicInteger searchesAmongChanged = new AtomicInteger();

    @Override
    public Set<String> matchingAmong(String query, Collection<String> thingNames) throws MalformedQueryException {
        searchesAmongChanged.incrementAndGet();
        Set<String> found = new LinkedHashSet<>();
        for (ThingRow row : fleet.things(thingNames)) {
            if (matches(row, query)) {
                found.add(row.name());
            }
        }
        return found;
    }

    @Override
    public Set<String> search(String query) throws MalformedQueryException {
        wholeFleetSearches.incrementAndGet();
        Problem wrong = problem(query);
        if (wrong != null) {
            throw new MalformedQueryException(wrong);
        }
        Set<String> found = new LinkedHashSet<>();
        for (ThingRow row : fleet.things()) {
            if (matches(row, query)) {
                found.add(row.name());
            }
        }
        return found;
    }

    private boolean matches(ThingRow row, String query) {
        for (String clause : query.strip().split("\\s+(AND\\s+)?")) {
            if (clause.equals("*")) {
                continue;
            }
            int colon = clause.indexOf(':');
            Function<ThingRow, String> field = colon < 0 ? null : fields.get(clause.substring(0, colon));
            if (field == null || !clause.substring(colon + 1).equalsIgnoreCase(Objects.toString(field.apply(row)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Field> fields() {
        List<Field> list = new ArrayList<>();
        fields.keySet().stream()
                .sorted()
                .forEach(path -> list.add(new Field(
                        path,
                        path.startsWith("connectivity")
                                ? EnumSet.of(FieldType.BOOLEAN)
                                : EnumSet.of(FieldType.STRING))));
        list.add(new Field("shadow.reported.battery", EnumSet.of(FieldType.NUMBER)));
        list.sort((a, b) -> a.path().compareTo(b.path()));
        return list;
    }

    @Override
    public List<ValueCount> values(String field, String prefix, int limit) {
        Function<ThingRow, String> read = fields.get(field);
        if (read == null) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        for (ThingRow row : fleet.things()) {
            String value = read.apply(row);
            if (value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return ranked(counts, limit);
    }

    @Override
    public Statistics statistics(String query, String field) throws MalformedQueryException {
        Set<String> found = search(query);
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
            return new Statistics(0, null, null, null, null);
        }
        double average = sum / found.size();
        return new Statistics(
                found.size(), min, average, max, Math.sqrt(Math.max(0, squares / found.size() - average * average)));
    }

    @Override
    public Buckets buckets(String query, String field, int max) throws MalformedQueryException {
        Function<ThingRow, String> read = fields.get(field);
        Set<String> found = search(query);
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
