package io.fleetdeck.index;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.NumericUtils;
import org.jspecify.annotations.Nullable;

/**
 * GetStatistics in one pass over the matching things' doc values, summing as it goes: no array of a million values to
 * allocate and read again (that garbage was most of the tail at 1M things), and no look at doc values a segment does
 * not have.
 */
final class StatisticsGatherer implements Collector {

    private final String path;
    private final Sums numbers = new Sums();
    private final Sums booleans = new Sums();
    private long thingsWithStrings;

    private StatisticsGatherer(String path) {
        this.path = path;
    }

    static CollectorManager<StatisticsGatherer, Statistics> over(String path) {
        return new CollectorManager<>() {
            @Override
            public StatisticsGatherer newCollector() {
                return new StatisticsGatherer(path);
            }

            @Override
            public Statistics reduce(Collection<StatisticsGatherer> gatherers) {
                StatisticsGatherer all = new StatisticsGatherer(path);
                for (StatisticsGatherer each : gatherers) {
                    all.numbers.add(each.numbers);
                    all.booleans.add(each.booleans);
                    all.thingsWithStrings += each.thingsWithStrings;
                }
                return all.statistics();
            }
        };
    }

    /** Count, sum, sum of squares, minimum and maximum of the values seen. */
    static final class Sums {
        long count;
        double sum;
        double sumOfSquares;
        double minimum = Double.POSITIVE_INFINITY;
        double maximum = Double.NEGATIVE_INFINITY;

        void add(double value) {
            count++;
            sum += value;
            sumOfSquares += value * value;
            minimum = Math.min(minimum, value);
            maximum = Math.max(maximum, value);
        }

        void add(Sums other) {
            count += other.count;
            sum += other.sum;
            sumOfSquares += other.sumOfSquares;
            minimum = Math.min(minimum, other.minimum);
            maximum = Math.max(maximum, other.maximum);
        }
    }

    Statistics statistics() {
        if (numbers.count > 0) {
            return Statistics.of(numbers);
        }
        if (booleans.count > 0) {
            return Statistics.of(booleans);
        }
        return new Statistics(thingsWithStrings, null, null, null, null, null, null, null);
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafReader reader = context.reader();
        SortedNumericDocValues numberValues = numeric(reader, DocumentEncoding.numberField(path));
        SortedNumericDocValues booleanValues = numeric(reader, DocumentEncoding.booleanField(path));
        String keywordField = DocumentEncoding.keywordField(path);
        SortedSetDocValues stringValues = reader.getFieldInfos().fieldInfo(keywordField) == null
                ? null
                : DocValues.getSortedSet(reader, keywordField);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                if (numberValues != null && numberValues.advanceExact(doc)) {
                    for (int i = numberValues.docValueCount(); i > 0; i--) {
                        numbers.add(NumericUtils.sortableLongToDouble(numberValues.nextValue()));
                    }
                }
                if (booleanValues != null && booleanValues.advanceExact(doc)) {
                    for (int i = booleanValues.docValueCount(); i > 0; i--) {
                        booleans.add(booleanValues.nextValue());
                    }
                }
                if (stringValues != null && stringValues.advanceExact(doc)) {
                    thingsWithStrings++;
                }
            }
        };
    }

    /** The field's doc values in this segment, or null when no document of it has the field. */
    private static @Nullable SortedNumericDocValues numeric(LeafReader reader, String field) throws IOException {
        return reader.getFieldInfos().fieldInfo(field) == null ? null : DocValues.getSortedNumeric(reader, field);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
