package io.fleetdeck.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * numbers, booleans (as 1 and 0) and strings, each with how many matching things have any value of that kind.
 */
record FieldValues(
        int things,
        List<Double> numbers,
        int thingsWithNumbers,
        List<Double> booleans,
        int thingsWithBooleans,
        List<String> strings,
        int thingsWithStrings) {

    static FieldValues of(IndexSearcher searcher, Query query, String path) throws IOException {
        return searcher.search(query, new Manager(path));
    }

    /** Collects per index segment and merges: doc values are read segment by segment. */
    private record Manager(String path) implements CollectorManager<Gatherer, FieldValues> {

        @Override
        public Gatherer newCollector() {
            return new Gatherer(path);
        }

        @Override
        public FieldValues reduce(java.util.Collection<Gatherer> gatherers) {
            Gatherer all = new Gatherer(path);
            gatherers.forEach(all::addAll);
            return all.values();
        }
    }

    private static final class Gatherer implements Collector {
        private final String path;
        private int things;
        private final List<Double> numbers = new ArrayList<>();
        private int thingsWithNumbers;
        private final List<Double> booleans = new ArrayList<>();
        private int thingsWithBooleans;
        private final List<String> strings = new ArrayList<>();
        private int thingsWithStrings;

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
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    things++;
                    if (numberValues.advanceExact(doc)) {
                        thingsWithNumbers++;
                        for (int i = 0; i < numberValues.docValueCount(); i++) {
                            numbers.add(NumericUtils.sortableLongToDouble(numberValues.nextValue()));
                        }
                    }
                    if (booleanValues.advanceExact(doc)) {
                        thingsWithBooleans++;
                        for (int i = 0; i < booleanValues.docValueCount(); i++) {
                            booleans.add((double) booleanValues.nextValue());
                        }
                    }
                    if (stringValues.advanceExact(doc)) {
                        thingsWithStrings++;
                        for (int i = 0; i < stringValues.docValueCount(); i++) {
                            strings.add(stringValues
                                    .lookupOrd(stringValues.nextOrd())
                                    .utf8ToString());
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
            thingsWithNumbers += other.thingsWithNumbers;
            booleans.addAll(other.booleans);
            thingsWithBooleans += other.thingsWithBooleans;
            strings.addAll(other.strings);
            thingsWithStrings += other.thingsWithStrings;
        }

        FieldValues values() {
            return new FieldValues(
                    things, numbers, thingsWithNumbers, booleans, thingsWithBooleans, strings, thingsWithStrings);
        }
    }
}
