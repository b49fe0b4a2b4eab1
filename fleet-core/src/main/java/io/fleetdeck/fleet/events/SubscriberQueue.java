package io.fleetdeck.fleet.events;

import io.fleetdeck.api.event.EventStreamFailedException;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.OverflowPolicy;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One subscriber's bounded queue, with the overflow policy its options state. Thread-safe. */
final class SubscriberQueue implements EventSubscription {

    private static final Logger log = LoggerFactory.getLogger(SubscriberQueue.class);
    private static final long BLOCKED_WARNING_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SubscriptionOptions options;
    private final Consumer<SubscriberQueue> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** BLOCK and FAIL: every event in order. */
    private final ArrayDeque<FleetEvent> fifo = new ArrayDeque<>();
    /** COALESCE: the latest event per coalescing key, in the order of their latest arrival. */
    private final LinkedHashMap<String, FleetEvent> latest = new LinkedHashMap<>();

    private long lost;
    private boolean open = true;
    private String failure = "";

    SubscriberQueue(SubscriptionOptions options, Consumer<SubscriberQueue> onClose) {
        this.options = options;
        this.onClose = onClose;
    }

    SubscriptionOptions options() {
        return options;
    }

    /**
     * Queues the events this subscriber wants; under BLOCK, waits for room. A publisher interrupted while it waits
     * queues its events all the same (a durable consumer loses nothing) and keeps its interrupt.
     */
    void offer(List<? extends FleetEvent> events) {
        lock.lock();
        try {
            boolean queued = false;
            for (FleetEvent event : events) {
                if (open && options.wants(event)) {
                    queued |= queue(event);
                }
            }
            if (queued) {
                notEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean queue(FleetEvent event) {
        return switch (options.overflow()) {
            case COALESCE -> coalesce(event);
            case BLOCK -> waitForRoomThenAdd(event);
            case FAIL -> addOrFail(event);
        };
    }

    private boolean coalesce(FleetEvent event) {
        String key = event.coalescingKey();
        if (latest.remove(key) == null && latest.size() >= options.capacity()) {
            lost += latest.size() + 1L;
            latest.clear();
            return true;
        }
        latest.put(key, event);
        return true;
    }

    private boolean waitForRoomThenAdd(FleetEvent event) {
        long since = System.nanoTime();
        boolean warned = false;
        while (open
                && fifo.size() >= options.capacity()
                && !Thread.currentThread().isInterrupted()) {
            try {
                // waking every second lets a stuck subscriber be named in the log instead of a silent stall
                notFull.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!warned && System.nanoTime() - since > BLOCKED_WARNING_NANOS) {
                warned = true;
                log.warn(
                        "Fleet events wait for subscriber {} ({} queued); its publisher is held up",
                        options.subscriber(),
                        fifo.size());
            }
        }
        if (!open) {
            return false;
        }
        fifo.add(event);
        return true;
    }

    private boolean addOrFail(FleetEvent event) {
        if (fifo.size() < options.capacity()) {
            fifo.add(event);
            return true;
        }
        failure = "subscriber " + options.subscriber() + " fell more than " + options.capacity()
                + " fleet events behind and was closed; it must subscribe again and read what it follows anew";
        log.error("Fleet events: {}", failure);
        closeQueue();
        return true;
    }

    @Override
    public List<FleetEvent> poll(Duration wait, int max) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (open && isEmpty()) {
                if (nanos <= 0) {
                    return List.of();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (!open) {
                throw failure.isEmpty()
                        ? new IllegalStateException("the subscription of " + options.subscriber() + " is closed")
                        : new EventStreamFailedException(failure);
            }
            return take(max);
        } finally {
            lock.unlock();
        }
    }

    private boolean isEmpty() {
        return fifo.isEmpty() && latest.isEmpty() && lost == 0;
    }

    private List<FleetEvent> take(int max) {
        List<FleetEvent> taken = new ArrayList<>(Math.min(max, fifo.size() + latest.size() + 1));
        if (lost > 0) {
            taken.add(new FleetEvent.EventsLost(lost));
            lost = 0;
        }
        while (taken.size() < max && !fifo.isEmpty()) {
            taken.add(fifo.poll());
        }
        Iterator<FleetEvent> coalesced = latest.values().iterator();
        while (taken.size() < max && coalesced.hasNext()) {
            taken.add(coalesced.next());
            coalesced.remove();
        }
        if (options.overflow() == OverflowPolicy.BLOCK) {
            notFull.signalAll();
        }
        return taken;
    }

    @Override
    public boolean isOpen() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            failure = "";
            closeQueue();
        } finally {
            lock.unlock();
        }
    }

    private void closeQueue() {
        open = false;
        fifo.clear();
        latest.clear();
        notEmpty.signalAll();
        notFull.signalAll();
        onClose.accept(this);
    }
}
