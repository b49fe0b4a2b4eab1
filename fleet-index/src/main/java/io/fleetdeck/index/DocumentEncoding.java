package io.fleetdeck.index;

import java.util.Collection;
import java.util.LinkedHashSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Turns a {@link FleetDocument} into the Lucene {@link Document} that {@link FleetQuery#toLucene()} searches.
 * The field contract, for a thing field at path {@code p} (AWS-IOT-BEHAVIOUR §3.2, §3.3):
 *
 * <table>
 *   <caption>Lucene fields of one thing</caption>
 *   <tr><th>Lucene field</th><th>holds</th><th>answers</th></tr>
 *   <tr><td>{@value #THING_NAME}</td><td>the exact thing name: indexed as one term, stored, and a sorted doc
 *       value</td><td>{@link #thingNameTerm} for {@code updateDocument}/{@code deleteDocuments}, the name of a
 *       hit ({@code storedFields().document(doc).get(THING_NAME)}), {@link #BY_THING_NAME}</td></tr>
 *   <tr><td>{@code t:p}</td><td>string values cut on whitespace ({@link Character#isWhitespace}) and
 *       lower-cased in {@code Locale.ROOT}, with positions; a gap between values so phrases stay inside one
 *       value</td><td>words, quoted phrases, wildcards, string ranges ({@code ["abcd" TO "abcf"]}, code
 *       point order)</td></tr>
 *   <tr><td>{@code n:p}</td><td>number values as doubles: points plus sorted-numeric doc values
 *       ({@link NumericUtils#doubleToSortableLong}), one per value</td><td>{@code p:75}, ranges,
 *       {@code < > <= >=}, and numeric aggregations</td></tr>
 *   <tr><td>{@code b:p}</td><td>boolean values as the terms {@code true}/{@code false}, plus sorted-numeric
 *       doc values 1/0</td><td>{@code p:true}; boolean statistics (sum = number true)</td></tr>
 *   <tr><td>{@code k:p}</td><td>string values whole and in their own case, as sorted-set doc values (not
 *       searchable)</td><td>terms buckets and cardinality of strings</td></tr>
 *   <tr><td>{@value #EXISTS}</td><td>one term per searchable path and per parent of it ({@code
 *       shadow.reported.stats.battery} adds {@code shadow}, {@code shadow.reported}, {@code
 *       shadow.reported.stats} and itself)</td><td>{@code p:*}</td></tr>
 *   <tr><td>{@value #ALL_TEXT}, {@value #ALL_NUMBERS}, {@value #ALL_BOOLEANS}</td><td>the catch-all: the
 *       values of every searchable field outside {@code connectivity.*}, encoded like {@code t:}, {@code n:},
 *       {@code b:}</td><td>bare terms ({@code abc}, {@code "living room"}, {@code v*})</td></tr>
 * </table>
 *
 * <p>Fields §3.2 marks not searchable ({@code registry.version}, {@code shadow.version}, {@code
 * shadow.name.<n>.version}, {@code deviceDefender.version}) get only their doc values ({@code n:p},
 * {@code b:p}, {@code k:p}): they can be aggregated but no query matches them, {@code p:*} included.
 * Strings and tokens over 32766 UTF-8 bytes are skipped (Lucene's term limit).
 *
 * <p>Needs no analyzer: the tokenized fields carry their own tokens, so any {@code IndexWriterConfig} does.
 * Stateless and thread-safe. A returned {@code Document} carries token streams: index it once.
 */
public final class DocumentEncoding {

    public static final String THING_NAME = "thingName";

    /**
     * The thing's static groups only, for dynamic groups' queries ({@link FleetQuery#forDynamicGroup}); {@code #}
     * cannot be typed in a query, so no user query reaches it by name. Bare terms look here, not at
     * {@code thingGroupNames}, for the same reason.
     */
    public static final String STATIC_GROUPS = "#staticThingGroupNames";

    public static final String EXISTS = "exists";
    public static final String ALL_TEXT = "all.t";
    public static final String ALL_NUMBERS = "all.n";
    public static final String ALL_BOOLEANS = "all.b";

    /** Sorts hits by thing name, for stable pages of results. */
    public static final Sort BY_THING_NAME = new Sort(new SortField(THING_NAME, SortField.Type.STRING));

    private static final FieldType TOKENS = tokensType();

    private DocumentEncoding() {}

    public static String textField(String path) {
        return "t:" + path;
    }

    public static String numberField(String path) {
        return "n:" + path;
    }

    public static String booleanField(String path) {
        return "b:" + path;
    }

    public static String keywordField(String path) {
        return "k:" + path;
    }

    /** The term that identifies a thing's document, for {@code IndexWriter.updateDocument}. */
    public static Term thingNameTerm(String thingName) {
        return new Term(THING_NAME, thingName);
    }

    /** The documents of these things, for narrowing a query to them. */
    static Query thingNameIn(Collection<String> thingNames) {
        return new TermInSetQuery(
                THING_NAME, thingNames.stream().map(BytesRef::new).toList());
    }

    public static Document encode(FleetDocument thing) {
        var document = new Document();
        document.add(new StringField(THING_NAME, thing.thingName(), Field.Store.YES));
        document.add(new SortedDocValuesField(THING_NAME, new BytesRef(thing.thingName())));
        document.add(new StoredField(StoredSource.FIELD, StoredSource.encode(thing)));
        var existing = new LinkedHashSet<String>();
        var catchAll = new ValueTokenStream();
        thing.fields().forEach((path, values) -> {
            boolean searchable = FieldPaths.isSearchable(path);
            boolean inCatchAll = FieldPaths.inCatchAll(path);
            var text = new ValueTokenStream();
            for (var value : values) {
                switch (value) {
                    case String string -> {
                        var tokens = Tokens.of(string);
                        text.addValue(tokens);
                        if (inCatchAll) {
                            catchAll.addValue(tokens);
                        }
                        if (Tokens.fitsInIndex(string)) {
                            document.add(new SortedSetDocValuesField(keywordField(path), new BytesRef(string)));
                        }
                    }
                    case Number number -> addNumber(document, path, NumberRule.indexed(number), searchable, inCatchAll);
                    case Boolean bool -> addBoolean(document, path, bool, searchable, inCatchAll);
                    default -> throw new IllegalStateException("not an indexed value: " + value);
                }
            }
            if (searchable) {
                if (!text.isEmpty()) {
                    document.add(new Field(textField(path), text, TOKENS));
                }
                existing.addAll(FieldPaths.existenceNames(path));
            }
        });
        for (var name : existing) {
            document.add(new StringField(EXISTS, name, Field.Store.NO));
        }
        if (!catchAll.isEmpty()) {
            document.add(new Field(ALL_TEXT, catchAll, TOKENS));
        }
        return document;
    }

    private static void addNumber(
            Document document, String path, double value, boolean searchable, boolean inCatchAll) {
        if (searchable) {
            document.add(new DoubleField(numberField(path), value, Field.Store.NO));
        } else {
            document.add(new SortedNumericDocValuesField(numberField(path), NumericUtils.doubleToSortableLong(value)));
        }
        if (inCatchAll) {
            document.add(new DoubleField(ALL_NUMBERS, value, Field.Store.NO));
        }
    }

    private static void addBoolean(
            Document document, String path, boolean value, boolean searchable, boolean inCatchAll) {
        var term = Boolean.toString(value);
        if (searchable) {
            document.add(new StringField(booleanField(path), term, Field.Store.NO));
        }
        document.add(new SortedNumericDocValuesField(booleanField(path), value ? 1 : 0));
        if (inCatchAll) {
            document.add(new StringField(ALL_BOOLEANS, term, Field.Store.NO));
        }
    }

    private static FieldType tokensType() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setOmitNorms(true); // results are not ranked (§3.3), so no length norms
        type.freeze();
        return type;
    }
}
