package io.fleetdeck.broker.server.admission;

import java.util.concurrent.atomic.AtomicInteger;

/** The connections open on all listeners together, under one cap. Thread-safe. */
public final class OpenConnections {

    private final int cap;
    private final AtomicInteger open = new AtomicInteger();

    public OpenConnections(int cap) {
        this.cap = cap;
    }

    boolean tryOpen() {
        if (open.incrementAndGet() > cap) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    void close() {
        open.decrementAndGet();
    }

    public int cap() {
        return cap;
    }

    public int count() {
        return open.get();
    }
}
