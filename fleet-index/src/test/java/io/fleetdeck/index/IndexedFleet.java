package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A fleet indexed in memory by {@link DocumentEncoding}, searchable both through Lucene and in memory. */
final class IndexedFleet implements AutoCloseable {

    private final List<FleetDocument> things;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] nameOfDoc;

    IndexedFleet(List<FleetDocument> things) {
        this.things = List.copyOf(things);
        try {
            var directory = new ByteBuffersDirectory();
            try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (var thing : things) {
                    writer.updateDocument(
                            DocumentEncoding.thingNameTerm(thing.thingName()), DocumentEncoding.encode(thing));
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            nameOfDoc = new String[reader.maxDoc()];
            var stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                nameOfDoc[doc] = stored.document(doc).get(DocumentEncoding.THING_NAME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndexedFleet of(FleetDocument... things) {
        return new IndexedFleet(Arrays.asList(things));
    }

    List<FleetDocument> things() {
        return things;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** The names of the things the Lucene translation finds. */
    Set<String> search(FleetQuery query) {
        return search(query.toLucene());
    }

    Set<String> search(Query query) {
        try {
            var names = new TreeSet<String>();
            for (var hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
                names.add(nameOfDoc[hit.doc]);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the things the in-memory evaluator matches. */
    Set<String> evaluate(FleetQuery query) {
        var names = new TreeSet<String>();
        for (var thing : things) {
            if (query.matches(thing)) {
                names.add(thing.thingName());
            }
        }
        return names;
    }

    /** Asserts that both the Lucene index and the in-memory evaluator find exactly {@code names}. */
    void assertFinds(String query, String... names) {
        FleetQuery parsed;
        try {
            parsed = FleetQuery.parse(query);
        } catch (QueryException e) {
            throw new AssertionError("does not parse: " + query + ": " + e.getMessage(), e);
        }
        assertThat(search(parsed)).as("Lucene finds for %s", query).containsExactlyInAnyOrder(names);
        assertThat(evaluate(parsed)).as("in memory matches for %s", query).containsExactlyInAnyOrder(names);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
