package io.fleetdeck.bench.index;

import io.fleetdeck.index.Aggregations;
import io.fleetdeck.index.DocumentEncoding;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.SearchSort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Issue #7's benchmark: with synthetic fleets (100k and 1M things, 10–30 shadow fields each) the full build, index
 * size and heap; p50/p99 of ten typical queries through the whole service (parse, translate, count, first 100 by
 * name) beside the same queries built by hand on plain Lucene; aggregation times; and how soon a changed thing is
 * found while 2,000 updates a second flow. Args: [--things 100000,1000000] [--iterations 1000] [--skip-queries].
 */
public final class IndexBenchmark {

    /** A typical query: as an operator types it, and as one would build it by hand on the same fields. */
    private record Typical(String name, String text, Query byHand) {}

    private IndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(option(args, "--things", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int iterations = Integer.parseInt(option(args, "--iterations", "1000"));
        for (int size : sizes) {
            Path folder = Files.createTempDirectory("fleetdeck-index-bench");
            SyntheticFleet fleet = new SyntheticFleet(size, 42);
            System.out.printf(Locale.ROOT, "== %,d things (%s)%n", size, folder);
            // both builds once untimed on a smaller fleet, so neither pays for the JIT alone
            SyntheticFleet warmUp = new SyntheticFleet(Math.min(size, 20_000), 1);
            baselineBuild(warmUp, folder.resolve("warm-up-baseline"));
            FleetIndex.open(folder.resolve("warm-up-index"), warmUp).close();
            double baselineSeconds = baselineBuild(fleet, folder.resolve("baseline"));
            long started = System.nanoTime();
            FleetIndex.open(folder.resolve("index"), fleet).close();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "build     service %.1f s (%,.0f docs/s, closing included: it waits for merges), plain Lucene"
                            + " %.1f s: ratio %.2f (target <= 1.5)%n",
                    seconds,
                    size / seconds,
                    baselineSeconds,
                    seconds / baselineSeconds);
            // measured on the index as a console finds it at its next start: built, merged, closed cleanly
            try (FleetIndex index = FleetIndex.open(folder.resolve("index"), fleet)) {
                System.out.printf(
                        Locale.ROOT,
                        "size      %,d MB on disk, heap %,d MB after GC with the index open%n",
                        bytes(folder.resolve("index")) >> 20,
                        heapAfterGc() >> 20);
                if (!Arrays.asList(args).contains("--skip-queries")) {
                    queries(index, iterations);
                    sorted(index, iterations);
                }
                aggregations(index);
                Visibility.measure(index, fleet, size);
            }
        }
    }

    private static double baselineBuild(SyntheticFleet fleet, Path folder) throws IOException {
        long started = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            fleet.eachDocument(document -> {
                try {
                    writer.addDocument(DocumentEncoding.encode(document));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<Typical> typicalQueries() {
        return List.of(
                new Typical(
                        "term", "thingTypeName:thermostat", new TermQuery(new Term("t:thingTypeName", "thermostat"))),
                new Typical("prefix", "thingName:door*", new PrefixQuery(new Term("t:thingName", "door"))),
                new Typical(
                        "range",
                        "shadow.reported.battery:[20 TO 40]",
                        DoubleField.newRangeQuery("n:shadow.reported.battery", 20, 40)),
                new Typical(
                        "comparison",
                        "shadow.reported.battery<10",
                        DoubleField.newRangeQuery(
                                "n:shadow.reported.battery", Double.NEGATIVE_INFINITY, Math.nextDown(10.0))),
                new Typical(
                        "AND of three",
                        "thingTypeName:thermostat AND shadow.reported.battery<20 AND connectivity.connected:true",
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term("t:thingTypeName", "thermostat")), Occur.FILTER)
                                .add(
                                        DoubleField.newRangeQuery(
                                                "n:shadow.reported.battery",
                                                Double.NEGATIVE_INFINITY,
                                                Math.nextDown(20.0)),
                                        Occur.FILTER)
                                .add(new TermQuery(new Term("b:connectivity.connected", "true")), Occur.FILTER)
                                .build()),
                new Typical(
                        "NOT",
                        "NOT attributes.firmwareVersion:1.4.2",
                        new BooleanQuery.Builder()
                                .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                                .add(new TermQuery(new Term("t:attributes.firmwareVersion", "1.4.2")), Occur.MUST_NOT)
                                .build()),
                new Typical(
                        "group",
                        "thingGroupNames:site-1-b3",
                        new TermQuery(new Term("t:thingGroupNames", "site-1-b3"))),
                new Typical(
                        "exists",
                        "shadow.desired.setpoint:*",
                        new TermQuery(new Term(DocumentEncoding.EXISTS, "shadow.desired.setpoint"))),
                new Typical("boolean", "shadow.hasDelta:true", new TermQuery(new Term("b:shadow.hasDelta", "true"))),
                new Typical("bare term", "eco", new TermQuery(new Term(DocumentEncoding.ALL_TEXT, "eco"))));
    }

    private static void queries(FleetIndex index, int iterations) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "query     count + first 100 by name, %d runs each after %d warm-up: service p50/p99 | plain p50/p99"
                        + " ms%n",
                iterations,
                iterations / 4);
        for (Typical typical : typicalQueries()) {
            FleetQuery parsedOnce = FleetQuery.parse(typical.text());
            int[] matches = {index.count(parsedOnce)};
            Timings[] both = Timings.alternately(
                    iterations,
                    () -> index.search(FleetQuery.parse(typical.text()), 0, 100),
                    () -> index.withSearcher(searcher -> byHand(searcher, typical)));
            Timings service = both[0];
            Timings plain = both[1];
            System.out.printf(
                    Locale.ROOT,
                    "  %-13s %,9d matches  %7.2f / %7.2f | %7.2f / %7.2f  (p99 ratio %.2f)%n",
                    typical.name(),
                    matches[0],
                    service.p50(),
                    service.p99(),
                    plain.p50(),
                    plain.p99(),
                    service.p99() / plain.p99());
        }
    }

    /** The 100 things most recently connected or disconnected: a sort on a number field, service and by hand. */
    private static void sorted(FleetIndex index, int iterations) throws Exception {
        SearchSort newestFirst = new SearchSort("connectivity.timestamp", true);
        Sort byHand = new Sort(
                new SortedNumericSortField("n:connectivity.timestamp", SortField.Type.DOUBLE, true),
                DocumentEncoding.BY_THING_NAME.getSort()[0]);
        Timings[] both = Timings.alternately(
                iterations,
                () -> index.search(FleetQuery.parse("*"), newestFirst, 0, 100),
                () -> index.withSearcher(searcher -> searcher.search(MatchAllDocsQuery.INSTANCE, 100, byHand)));
        System.out.printf(
                Locale.ROOT,
                "  %-13s top 100 by connectivity.timestamp  %7.2f / %7.2f | %7.2f / %7.2f  (p99 ratio %.2f)%n",
                "sorted",
                both[0].p50(),
                both[0].p99(),
                both[1].p50(),
                both[1].p99(),
                both[0].p99() / both[1].p99());
    }

    /** The same answer as the service's: the count and the names of the first 100 by name. */
    private static Object byHand(IndexSearcher searcher, Typical typical) throws IOException {
        int count = searcher.count(typical.byHand());
        List<String> names = new java.util.ArrayList<>();
        for (var hit : searcher.search(typical.byHand(), 100, DocumentEncoding.BY_THING_NAME).scoreDocs) {
            names.add(searcher.storedFields().document(hit.doc).get(DocumentEncoding.THING_NAME));
        }
        return count + names.size();
    }

    /** Enough runs for a p99 that is not simply the slowest of a handful. */
    private static final int AGGREGATION_RUNS = 200;

    private static void aggregations(FleetIndex index) throws Exception {
        Aggregations aggregations = new Aggregations(index);
        FleetQuery all = FleetQuery.parse("*");
        FleetQuery thermostats = FleetQuery.parse("thingTypeName:thermostat");
        Timings statistics =
                Timings.of(AGGREGATION_RUNS, () -> aggregations.statistics(all, "shadow.reported.battery"));
        Timings buckets =
                Timings.of(AGGREGATION_RUNS, () -> aggregations.buckets(all, "attributes.firmwareVersion", 10));
        Timings percentiles = Timings.of(
                AGGREGATION_RUNS,
                () -> aggregations.percentiles(thermostats, "shadow.reported.battery", Aggregations.DEFAULT_PERCENTS));
        System.out.printf(
                Locale.ROOT,
                "aggregate p50/p99 ms: statistics(*, battery) %.1f / %.1f, buckets(*, firmwareVersion) %.1f / %.1f,"
                        + " percentiles(thermostats, battery) %.1f / %.1f (target < 20)%n",
                statistics.p50(),
                statistics.p99(),
                buckets.p50(),
                buckets.p99(),
                percentiles.p50(),
                percentiles.p99());
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
