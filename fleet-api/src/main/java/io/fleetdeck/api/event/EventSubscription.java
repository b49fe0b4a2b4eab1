package io.fleetdeck.api.event;

import java.time.Duration;
import java.util.List;

/** A subscriber's stream of fleet events, read by polling; closing it stops the events and frees its queue. */
public interface EventSubscription extends AutoCloseable {

    /**
     * The next events, oldest first, at most {@code max}: waits up to {@code wait} for the first one and returns an
     * empty list when none came.
     *
     * @throws EventStreamFailedException when the subscription closed itself because it fell behind ({@link
     *     OverflowPolicy#FAIL})
     * @throws IllegalStateException when it was closed
     */
    List<FleetEvent> poll(Duration wait, int max) throws InterruptedException;

    boolean isOpen();

    @Override
    void close();
}
