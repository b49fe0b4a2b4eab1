package io.fleetdeck.index;

import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet index in the data folder: one Lucene document per thing, kept current from the store's change notices and
 * searchable near-real-time. It is a cache of the store, never the truth: it is rebuilt from the store when it is
 * missing, unreadable, or was not closed cleanly (a crash may have left it behind the store). Thread-safe.
 */
public final class FleetIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetIndex.class);
    /** How often the indexing thread looks for changed things; a change is searchable within about this. */
    private static final long INDEX_EVERY_MILLIS = 10;

    private static final long COMMIT_EVERY_MILLIS = 10_000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexSearches searches;
    private final ThingSource source;
    private final PendingChanges pending = new PendingChanges();
    private final AtomicLong documentsRead = new AtomicLong();
    private final AtomicLong documentsPatched = new AtomicLong();
    private final List<IndexListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService indexer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fleet-indexer").factory());
    private long lastCommit = System.nanoTime();

    private FleetIndex(Directory directory, IndexWriter writer, ThingSource source) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.source = source;
        this.searchers = new SearcherManager(writer, null);
        this.searches = new IndexSearches(searchers);
        indexer.scheduleWithFixedDelay(this::indexOnce, INDEX_EVERY_MILLIS, INDEX_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the index in {@code folder}, rebuilding it from {@code source} when it cannot be trusted. When the disk
     * cannot take it (full, or a read-only folder), the index is built in memory for this run instead, so that searches
     * still work; the copy on disk is then thrown away where it can be, since it no longer follows the store.
     */
    public static FleetIndex open(Path folder, ThingSource source) {
        try {
            return openOnDisk(folder, source);
        } catch (UncheckedIOException e) {
            if (!IndexFolder.diskCannotTakeIt(e)) {
                throw e;
            }
            log.warn(
                    "The fleet index cannot be written in {} ({}): it is kept in memory until the next start",
                    folder,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            IndexFolder.discard(folder);
            try {
                return openIn(new ByteBuffersDirectory(), source, false, null);
            } catch (IOException inMemory) {
                throw new UncheckedIOException(
                        "cannot build the fleet index in memory: " + inMemory.getMessage(), inMemory);
            }
        }
    }

    private static FleetIndex openOnDisk(Path folder, ThingSource source) {
        try {
            Files.createDirectories(folder);
            Directory directory = FSDirectory.open(folder);
            Path storeChanged = folder.resolve(IndexFolder.STORE_CHANGED);
            boolean trusted = IndexFolder.closedCleanly(directory) && !Files.exists(storeChanged);
            try {
                return openIn(directory, source, trusted, storeChanged);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fleet index in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static FleetIndex openIn(
            Directory directory, ThingSource source, boolean trusted, @Nullable Path storeChanged) throws IOException {
        if (!trusted) {
            IndexFolder.clear(directory);
        }
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(trusted ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                // Lucene's default merge-on-refresh put a 140-365 ms tail on visibility (issue #7)
                .setMaxFullFlushMergeWaitMillis(0);
        IndexWriter writer = new IndexWriter(directory, config);
        FleetIndex index;
        try {
            index = new FleetIndex(directory, writer, source);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        try {
            if (!trusted) {
                index.rebuild();
                if (storeChanged != null) {
                    Files.deleteIfExists(storeChanged);
                }
            }
            index.markOpen();
            return index;
        } catch (IOException | RuntimeException e) {
            index.abandon();
            throw e;
        }
    }

    /** Lets go of an index that could not be opened, writing nothing more. */
    private void abandon() {
        indexer.shutdownNow();
        try {
            searchers.close();
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            log.debug("An index that failed to open did not close cleanly", e);
        }
    }

    /**
     * Says that the store changed while no index followed it (a command line wrote to it): whoever opens the index in
     * {@code folder} next rebuilds it first.
     */
    public static void markStoreChanged(Path folder) {
        IndexFolder.markStoreChanged(folder);
    }

    /** Every thing again from the store: for a new or untrusted index, or on demand. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        try {
            writer.deleteAll();
            long[] count = {0};
            source.eachDocument(document -> {
                try {
                    writer.addDocument(DocumentEncoding.encode(document));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.commit();
            searchers.maybeRefreshBlocking();
            listeners.forEach(listener -> listener.rebuilt(count[0]));
            log.info(
                    "Fleet index rebuilt: {} things in {} ms",
                    count[0],
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("the fleet index could not be rebuilt: " + e.getMessage(), e);
        }
    }

    /** Who hears that things became searchable as they are now: dynamic groups, for one. */
    public interface IndexListener {

        /** These things were written again (or removed) and searches see them as they are in the store now. */
        void indexed(Collection<String> thingNames);

        /** Every thing was written again: {@code things} of them. */
        void rebuilt(long things);
    }

    /** {@code listener} is called on the indexing thread after each refresh; it must hand its work elsewhere. */
    public void onIndexed(IndexListener listener) {
        listeners.add(listener);
    }

    /** Reads these things from the store again now, on the caller's thread, and makes them searchable before returning. */
    public void reindexNow(Collection<String> thingNames) {
        thingsChanged(thingNames);
        try {
            List<String> indexed = indexChanged();
            listeners.forEach(listener -> listener.indexed(indexed));
        } catch (IOException e) {
            throw new UncheckedIOException("the fleet index could not be updated: " + e.getMessage(), e);
        }
    }

    /**
     * The things the index has as connected. When an instance starts, the broker that saw those connections is gone
     * and the new one has not seen the devices yet: they are to be read again.
     */
    public List<String> connectedThings() {
        return searches.connectedThings();
    }

    /** Whether the index is open: it hears of changes and answers searches. */
    public boolean isOpen() {
        return writer.isOpen();
    }

    /** These things changed in the store (registry, shadow or connectivity): they are read again shortly. */
    public void thingsChanged(Collection<String> thingNames) {
        pending.read(thingNames);
    }

    /**
     * A shadow was committed: the thing is written shortly from what the event carries, over its document as last
     * written, without reading the store (unless it is read again anyway, or the index has no document of it).
     */
    public void shadowCommitted(ShadowCommitted committed) {
        pending.patch(committed);
    }

    /** The broker saw the thing connect or disconnect: written shortly from the event, as a shadow commit is. */
    public void connectivityChanged(ConnectivityChanged changed) {
        pending.patch(changed);
    }

    /** The broker heard from the thing: its last seen is written shortly from the event, as a shadow commit is. */
    public void thingSeen(ThingSeen seen) {
        pending.patch(seen);
    }

    /** How many documents were read from the store, and how many patched from events, since the index opened. */
    public record Work(long documentsRead, long documentsPatched) {}

    public Work work() {
        return new Work(documentsRead.get(), documentsPatched.get());
    }

    /** The things matching {@code query}, sorted by name, from {@code offset}, at most {@code limit}. */
    public SearchPage search(FleetQuery query, int offset, int limit) {
        return search(query, SearchSort.BY_NAME, offset, limit);
    }

    /** The things matching {@code query} in the order {@code sort} gives, from {@code offset}, at most {@code limit}. */
    public SearchPage search(FleetQuery query, SearchSort sort, int offset, int limit) {
        return searches.search(query, sort, offset, limit);
    }

    /** Every thing matching {@code query}, sorted by name. */
    public List<String> allMatching(FleetQuery query) {
        return search(query, 0, Integer.MAX_VALUE).thingNames();
    }

    /** Those of {@code thingNames} that match {@code query} now. */
    public Set<String> matchingAmong(FleetQuery query, Collection<String> thingNames) {
        return searches.matchingAmong(query, thingNames);
    }

    public int count(FleetQuery query) {
        return searches.count(query);
    }

    /**
     * The searchable fields the index holds now, by the path a query names them with ({@code
     * shadow.reported.battery}), with the types of their values, sorted by path; the fixed fields of
     * AWS-IOT-BEHAVIOUR §3.2 ({@code thingName}, {@code connectivity.connected}, ...) even when no thing has them yet.
     */
    public List<IndexedField> fieldNames() {
        return withSearcher(FieldCatalog::fields);
    }

    /**
     * The most frequent values of a string or boolean field that start with {@code prefix} (case aside), each with
     * the number of things that have it, at most {@code limit}: what a search box offers after {@code field:}. Empty
     * for a number field.
     */
    public List<Aggregations.Bucket> topValues(String field, String prefix, int limit) {
        return withSearcher(searcher -> FieldCatalog.topValues(searcher, field, prefix, limit));
    }

    /** Runs {@code work} on the current searcher, for aggregations and other readers of the index. */
    public <T> T withSearcher(SearcherWork<T> work) {
        return searches.withSearcher(work);
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** One round of the indexing thread: the things changed since the last round, then a commit now and then. */
    private void indexOnce() {
        try {
            List<String> indexed = indexChanged();
            if (!indexed.isEmpty()) {
                listeners.forEach(listener -> listener.indexed(indexed));
            }
            if (System.nanoTime() - lastCommit > TimeUnit.MILLISECONDS.toNanos(COMMIT_EVERY_MILLIS)
                    && writer.hasUncommittedChanges()) {
                commit(false);
                lastCommit = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            log.error("Updating the fleet index failed; it is rebuilt at the next start", e);
        }
    }

    /**
     * Writes the changed things, read from the store or patched from their events, and makes them searchable; returns
     * them. One caller at a time, so that a thing read earlier is never written after the same thing read later, and a
     * patch always starts from the document as last written.
     */
    private synchronized List<String> indexChanged() throws IOException {
        PendingChanges.Round round = pending.take();
        if (round.isEmpty()) {
            return List.of();
        }
        Set<String> reads = round.reads();
        Map<String, DocumentPatch> patches = round.patches();
        List<String> names = new ArrayList<>(reads.size() + patches.size());
        for (String name : reads) {
            write(name, source.document(name));
            documentsRead.incrementAndGet();
            names.add(name);
        }
        Map<String, FleetDocument> written = searches.writtenDocuments(patches.keySet());
        patches.forEach((name, patch) -> {
            FleetDocument base = written.get(name);
            if (base == null) {
                // not indexed yet, or written before documents were kept: the store says what it is
                write(name, source.document(name));
                documentsRead.incrementAndGet();
            } else {
                write(name, Optional.of(patch.applyTo(base)));
                documentsPatched.incrementAndGet();
            }
            names.add(name);
        });
        searchers.maybeRefreshBlocking();
        return names;
    }

    private void write(String name, Optional<FleetDocument> document) {
        try {
            if (document.isPresent()) {
                writer.updateDocument(DocumentEncoding.thingNameTerm(name), DocumentEncoding.encode(document.get()));
            } else {
                writer.deleteDocuments(DocumentEncoding.thingNameTerm(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thing's document as the index last wrote it (for tests that compare it with the store). */
    Optional<FleetDocument> documentAsWritten(String name) {
        return Optional.ofNullable(documents(List.of(name)).get(name));
    }

    /**
     * These things' documents as searches see them now, by name; a thing the index does not have is missing. What a
     * view shows of a thing the index just announced, without reading the store.
     */
    public Map<String, FleetDocument> documents(Collection<String> thingNames) {
        try {
            return searches.writtenDocuments(thingNames);
        } catch (IOException e) {
            throw new UncheckedIOException("the fleet index could not be read: " + e.getMessage(), e);
        }
    }

    /** From now until a clean close, a crash leaves the index marked for a rebuild. */
    private void markOpen() throws IOException {
        commit(false);
    }

    private void commit(boolean clean) throws IOException {
        writer.setLiveCommitData(
                Map.of(IndexFolder.CLEAN, Boolean.toString(clean)).entrySet());
        writer.commit();
    }

    /**
     * {@code beforeClosing} runs first when the index closes, while it still takes changes: a follower hands over
     * what it has queued, so nothing committed before the close is missing from the index on disk.
     */
    public void beforeClose(Runnable beforeClosing) {
        closeHooks.add(beforeClosing);
    }

    /** Writes what is pending and marks the index as trustworthy for the next start. Closing again does nothing. */
    @Override
    public void close() {
        if (!writer.isOpen()) {
            return;
        }
        closeHooks.forEach(Runnable::run);
        indexer.shutdown();
        try {
            if (!indexer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The fleet indexer was still busy after 5 s");
            }
            indexChanged();
            commit(true);
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("The fleet index did not close cleanly; it is rebuilt at the next start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
