package io.fleetdeck.fleet.shadow;

import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of shadows. Requests queue here in arrival order; one thread takes whatever has queued (up to
 * {@link #MAX_BATCH}), runs the operations one after another against the batch's view of the shadows, commits them
 * all in one transaction and only then answers them. With {@code synchronous=FULL} every commit waits for the disk,
 * so committing queued updates in groups is what makes durable updates fast: the cost of one flush is shared by the
 * whole group, and a lone update still goes out at once.
 */
final class ShadowCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowCommitter.class);
    static final int MAX_BATCH = 512;
    private static final int CACHED_SHADOWS = 20_000;

    private final Database database;
    private final ShadowStore store;
    private final ThingRequestGate gate;
    private final ShadowCache cache = new ShadowCache(CACHED_SHADOWS);
    private final BlockingQueue<ShadowWork<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Answers go out from their own thread, in order, so the writer can start the next batch meanwhile. */
    private final ExecutorService answers = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("shadow-answers").daemon().factory());

    private final FleetEventSink events;
    private volatile boolean closing;

    ShadowCommitter(Database database, ShadowStore store, ThingRequestGate gate, FleetEventSink events) {
        this.database = database;
        this.store = store;
        this.gate = gate;
        this.events = events;
        this.writer = Thread.ofPlatform().name("shadow-committer").daemon().start(this::commitUntilClosed);
    }

    /** Queues {@code step} for {@code thing}; the answer completes once its batch is committed (or refused). */
    <T> CompletableFuture<T> submit(String thing, ShadowWork.Step<T> step) {
        if (closing) {
            return CompletableFuture.failedFuture(new ShadowException(503, "Service unavailable"));
        }
        try {
            gate.admit(thing);
        } catch (ShadowException tooMany) {
            return CompletableFuture.failedFuture(tooMany);
        }
        ShadowWork<T> work = new ShadowWork<>(thing, step);
        work.answer().whenComplete((outcome, failure) -> gate.release(thing));
        queue.add(work);
        return work.answer();
    }

    private void commitUntilClosed() {
        List<ShadowWork<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                ShadowWork<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<ShadowWork<?>> batch) {
        ShadowBatch[] written = new ShadowBatch[1];
        try {
            database.write(connection -> {
                written[0] = new ShadowBatch(connection, store, cache);
                for (ShadowWork<?> work : batch) {
                    work.runIn(written[0]);
                }
                written[0].flush();
                return null;
            });
            written[0].committed();
            ShadowBatch committed = written[0];
            // subscribers (the index, the views) hear of a change before the device hears it was accepted
            answers.execute(() -> {
                publish(committed);
                batch.forEach(ShadowWork::answerCommitted);
            });
        } catch (RuntimeException e) { // a StoreException, or a bug in one step: the batch is lost either way
            if (e instanceof StoreException refused && refused.getCause() == null) {
                // the store refused before writing (a full disk): its reason says it all, once per batch
                log.warn("A batch of {} shadow requests is refused: {}", batch.size(), refused.getMessage());
            } else {
                log.error("A batch of {} shadow requests could not be committed; all are refused", batch.size(), e);
            }
            cache.clear();
            ShadowException failure = new ShadowException(500, "Internal service failure");
            answers.execute(() -> batch.forEach(work -> work.answerFailed(failure)));
        }
    }

    /** A failure to publish is logged: it must not keep devices from their answers. */
    private void publish(ShadowBatch committed) {
        if (events == FleetEventSink.NONE) {
            return; // nobody follows these shadows: the sections are not made into events for nothing
        }
        try {
            events.publishAll(committed.committedShadows());
        } catch (RuntimeException e) {
            log.warn("The events of a committed shadow batch could not be published", e);
        }
    }

    /** A request that slipped in while the writer was stopping is refused, never left without an answer. */
    private void refuseLateArrivals() {
        List<ShadowWork<?>> late = new ArrayList<>();
        queue.drainTo(late);
        ShadowException unavailable = new ShadowException(503, "Service unavailable");
        late.forEach(work -> work.answerFailed(unavailable));
    }

    /** Commits and answers everything already queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            refuseLateArrivals();
            answers.shutdown();
            if (!answers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Shadow answers still going out after 5 s; stopping without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
