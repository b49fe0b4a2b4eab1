package io.fleetdeck.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.NumericUtils;

/**
 * The values one field has in the things a query matches, read from the index's doc values (AWS-IOT-BEHAVIOUR §3.4):
 * numbers and booleans (as 1 and 0) in primitive arrays, and strings counted by value — per segment by ordinal, so a
 * million things cost a pass over their doc values and one lookup per distinct string, not one per thing.
 */
record FieldValues(int things, double[] numbers, double[] booleans, Map<String, Long> stringCounts) {

    static FieldValues of(IndexSearcher searcher, Query query, String path) throws IOException {
        return searcher.search(query, new Manager(path));
    }

    private record Manager(String path) implements CollectorManager<Gatherer, FieldValues> {

        @Override
        public Gatherer newCollector() {
            return new Gatherer(path);
        }

        @Override
        public FieldValues reduce(Collection<Gatherer> gatherers) {
            Gatherer all = new Gatherer(path);
            gatherers.forEach(all::addAll);
            return all.values();
        }
    }

    /** A growable array of doubles. */
    private static final class Doubles {
        double[] values = new double[64];
        int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Doubles other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class Gatherer implements Collector {
        private final String path;
        private int things;
        private final Doubles numbers = new Doubles();
        private final Doubles booleans = new Doubles();
        private final Map<String, Long> stringCounts = new HashMap<>();

        Gatherer(String path) {
            this.path = path;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues numberValues =
                    DocValues.getSortedNumeric(context.reader(), DocumentEncoding.numberField(path));
            SortedNumericDocValues booleanValues =
                    DocValues.getSortedNumeric(context.reader(), DocumentEncoding.booleanField(path));
            SortedSetDocValues stringValues =
                    DocValues.getSortedSet(context.reader(), DocumentEncoding.keywordField(path));
            long[] countsByOrdinal = new long[Math.toIntExact(stringValues.getValueCount())];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    things++;
                    if (numberValues.advanceExact(doc)) {
                        for (int i = 0; i < numberValues.docValueCount(); i++) {
                            numbers.add(NumericUtils.sortableLongToDouble(numberValues.nextValue()));
                        }
                    }
                    if (booleanValues.advanceExact(doc)) {
                        for (int i = 0; i < booleanValues.docValueCount(); i++) {
                            booleans.add(booleanValues.nextValue());
                        }
                    }
                    if (stringValues.advanceExact(doc)) {
                        for (int i = 0; i < stringValues.docValueCount(); i++) {
                            countsByOrdinal[(int) stringValues.nextOrd()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int ordinal = 0; ordinal < countsByOrdinal.length; ordinal++) {
                        if (countsByOrdinal[ordinal] > 0) {
                            stringCounts.merge(
                                    stringValues.lookupOrd(ordinal).utf8ToString(),
                                    countsByOrdinal[ordinal],
                                    Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        void addAll(Gatherer other) {
            things += other.things;
            numbers.addAll(other.numbers);
            booleans.addAll(other.booleans);
            other.stringCounts.forEach((value, count) -> stringCounts.merge(value, count, Long::sum));
        }

        FieldValues values() {
            return new FieldValues(things, numbers.toArray(), booleans.toArray(), stringCounts);
        }
    }
}
