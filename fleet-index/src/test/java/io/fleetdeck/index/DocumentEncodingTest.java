package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.NumericUtils;
import org.junit.jupiter.api.Test;

/** The field contract that the index owner (search, aggregations, updates) relies on. */
class DocumentEncodingTest {

    @Test
    void aThingIsReplacedByItsNameAndHitsSortByName() throws Exception {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (var name : List.of("lamp-2", "Lamp-1", "lamp-10", "lamp-2")) {
                var thing = FleetDocument.builder(name)
                        .add("shadow.reported.seen", name)
                        .build();
                writer.updateDocument(DocumentEncoding.thingNameTerm(name), DocumentEncoding.encode(thing));
            }
        }
        try (var reader = DirectoryReader.open(directory)) {
            var searcher = new IndexSearcher(reader);
            var hits = searcher.search(MatchAllDocsQuery.INSTANCE, 10, DocumentEncoding.BY_THING_NAME);
            var names = new ArrayList<String>();
            for (var hit : hits.scoreDocs) {
                names.add(searcher.storedFields().document(hit.doc).get(DocumentEncoding.THING_NAME));
            }
            assertThat(names).containsExactly("Lamp-1", "lamp-10", "lamp-2");
        }
    }

    @Test
    void numbersBooleansAndStringsCarryDocValuesForAggregation() throws Exception {
        var thing = FleetDocument.builder("tv-kitchen")
                .attribute("model", "Legacy TV")
                .json("shadow.reported", json("{'stats':{'battery':80},'myvalues':[3,1]}"))
                .add("shadow.hasDelta", true)
                .add("registry.version", 7)
                .build();
        try (var fleet = IndexedFleet.of(thing)) {
            var leaf = fleet.searcher().getIndexReader().leaves().getFirst().reader();

            var battery =
                    DocValues.getSortedNumeric(leaf, DocumentEncoding.numberField("shadow.reported.stats.battery"));
            assertThat(battery.advanceExact(0)).isTrue();
            assertThat(NumericUtils.sortableLongToDouble(battery.nextValue())).isEqualTo(80.0);

            var values = DocValues.getSortedNumeric(leaf, DocumentEncoding.numberField("shadow.reported.myvalues"));
            assertThat(values.advanceExact(0)).isTrue();
            assertThat(values.docValueCount()).isEqualTo(2);

            // not searchable (§3.2), still there to aggregate: GetStatistics' default field
            var version = DocValues.getSortedNumeric(leaf, DocumentEncoding.numberField("registry.version"));
            assertThat(version.advanceExact(0)).isTrue();
            assertThat(NumericUtils.sortableLongToDouble(version.nextValue())).isEqualTo(7.0);

            var hasDelta = DocValues.getSortedNumeric(leaf, DocumentEncoding.booleanField("shadow.hasDelta"));
            assertThat(hasDelta.advanceExact(0)).isTrue();
            assertThat(hasDelta.nextValue()).isEqualTo(1);

            var model = DocValues.getSortedSet(leaf, DocumentEncoding.keywordField("attributes.model"));
            assertThat(model.advanceExact(0)).isTrue();
            assertThat(model.lookupOrd(model.nextOrd()).utf8ToString()).isEqualTo("Legacy TV");
        }
    }

    @Test
    void tokensTooLongForLuceneAreSkippedNotFatal() throws IOException {
        var longest = "a".repeat(Tokens.MAX_TOKEN_BYTES);
        var thing = FleetDocument.builder("big")
                .add("shadow.reported.blob", longest)
                .add("shadow.reported.huge", "b".repeat(Tokens.MAX_TOKEN_BYTES + 1) + " small")
                .build();
        try (var fleet = IndexedFleet.of(thing)) {
            fleet.assertFinds("shadow.reported.blob:a*", "big");
            fleet.assertFinds("shadow.reported.huge:b*");
            fleet.assertFinds("shadow.reported.huge:small", "big");
            fleet.assertFinds("shadow.reported.huge:*", "big");
        }
    }
}
