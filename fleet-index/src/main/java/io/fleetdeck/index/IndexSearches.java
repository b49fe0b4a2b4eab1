package io.fleetdeck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The fleet index's reading side: every search runs on a searcher acquired from {@code searchers} and released after,
 * as {@link SearcherManager} asks. The index's writing side refreshes the searchers after each write, so what is read
 * here is what was last written. Any thread.
 */
final class IndexSearches {

    private final SearcherManager searchers;

    IndexSearches(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** The things matching {@code query} in the order {@code sort} gives, from {@code offset}, at most {@code limit}. */
    SearchPage search(FleetQuery query, SearchSort sort, int offset, int limit) {
        return withSearcher(searcher -> {
            Query lucene = query.toLucene();
            int total = searcher.count(lucene);
            if (limit <= 0 || offset >= total) {
                return new SearchPage(total, List.of());
            }
            TopDocs top =
                    searcher.search(lucene, Math.min(total, offset + limit), sort.toLucene(searcher.getIndexReader()));
            List<String> names = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                names.add(nameOf(searcher, top.scoreDocs[i]));
            }
            return new SearchPage(total, names);
        });
    }

    /** Those of {@code thingNames} that match {@code query} now. */
    Set<String> matchingAmong(FleetQuery query, Collection<String> thingNames) {
        if (thingNames.isEmpty()) {
            return Set.of();
        }
        return withSearcher(searcher -> {
            Query among = new BooleanQuery.Builder()
                    .add(query.toLucene(), BooleanClause.Occur.FILTER)
                    .add(DocumentEncoding.thingNameIn(thingNames), BooleanClause.Occur.FILTER)
                    .build();
            Set<String> matching = new HashSet<>();
            for (ScoreDoc hit : searcher.search(among, thingNames.size()).scoreDocs) {
                matching.add(nameOf(searcher, hit));
            }
            return matching;
        });
    }

    int count(FleetQuery query) {
        return withSearcher(searcher -> searcher.count(query.toLucene()));
    }

    /** The things the index has as connected. */
    List<String> connectedThings() {
        return withSearcher(searcher -> {
            List<String> names = new ArrayList<>();
            Query connected = new TermQuery(new Term(DocumentEncoding.booleanField("connectivity.connected"), "true"));
            for (ScoreDoc hit : searcher.search(
                            connected, Math.max(1, searcher.getIndexReader().maxDoc()))
                    .scoreDocs) {
                names.add(nameOf(searcher, hit));
            }
            return names;
        });
    }

    <T> T withSearcher(FleetIndex.SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the fleet index could not be searched: " + e.getMessage(), e);
        }
    }

    /** These things' documents as last written (the searcher is refreshed after every write), where kept. */
    Map<String, FleetDocument> writtenDocuments(Collection<String> names) throws IOException {
        Map<String, FleetDocument> documents = new HashMap<>();
        if (names.isEmpty()) {
            return documents;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            for (String name : names) {
                TopDocs hit = searcher.search(new TermQuery(DocumentEncoding.thingNameTerm(name)), 1);
                if (hit.scoreDocs.length == 0) {
                    continue;
                }
                BytesRef source = stored.document(hit.scoreDocs[0].doc, Set.of(StoredSource.FIELD))
                        .getBinaryValue(StoredSource.FIELD);
                if (source != null) {
                    StoredSource.decode(name, source).ifPresent(document -> documents.put(name, document));
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return documents;
    }

    private static String nameOf(IndexSearcher searcher, ScoreDoc hit) throws IOException {
        return searcher.storedFields().document(hit.doc).get(DocumentEncoding.THING_NAME);
    }
}
