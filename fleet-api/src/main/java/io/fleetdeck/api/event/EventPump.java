package io.fleetdeck.api.event;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a subscription on a thread of its own and hands each batch of events to a handler, in order, until closed:
 * for consumers in the same process. Closing hands over what is queued by then, so a durable consumer loses nothing. A handler that throws is logged and the pump goes on with the next batch; a
 * subscription that fails (fell behind) stops the pump, logged as an error.
 */
public final class EventPump implements AutoCloseable {

    private static final System.Logger log = System.getLogger(EventPump.class.getName());
    private static final Duration WAIT = Duration.ofMillis(200);
    private static final int BATCH = 1_024;

    private final EventSubscription subscription;
    private final Consumer<List<FleetEvent>> handler;
    private final Thread thread;
    private volatile boolean closing;
    /** Guards {@link #polling}, so that close wakes a waiting poll and never the handler. */
    private final Object wakeUp = new Object();

    private boolean polling;

    private EventPump(String threadName, EventSubscription subscription, Consumer<List<FleetEvent>> handler) {
        this.subscription = subscription;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::pumpUntilClosed);
    }

    public static EventPump start(
            String threadName, EventSubscription subscription, Consumer<List<FleetEvent>> handler) {
        EventPump pump = new EventPump(threadName, subscription, handler);
        pump.thread.start();
        return pump;
    }

    private void pumpUntilClosed() {
        while (true) {
            boolean last = closing;
            List<FleetEvent> events;
            try {
                events = pollUnlessWoken(last ? Duration.ZERO : WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (EventStreamFailedException e) {
                log.log(System.Logger.Level.ERROR, e.getMessage());
                return;
            } catch (IllegalStateException closed) {
                return;
            }
            if (events.isEmpty() && last) {
                return;
            }
            if (!events.isEmpty()) {
                handle(events);
            }
        }
    }

    /**
     * One poll that {@link #close} may cut short: woken, it answers nothing and the loop drains what is queued. The
     * lock keeps close's interrupt inside the poll, never in the handler.
     */
    private List<FleetEvent> pollUnlessWoken(Duration wait) throws InterruptedException {
        synchronized (wakeUp) {
            polling = true;
        }
        try {
            return subscription.poll(wait, BATCH);
        } catch (InterruptedException woken) {
            if (closing) {
                return List.of();
            }
            throw woken;
        } finally {
            synchronized (wakeUp) {
                polling = false;
                if (closing) {
                    Thread.interrupted(); // a wake-up that came as the poll returned: the handler must not see it
                }
            }
        }
    }

    private void handle(List<FleetEvent> events) {
        try {
            handler.accept(events);
        } catch (RuntimeException e) {
            log.log(
                    System.Logger.Level.ERROR,
                    () -> "Fleet events could not be handled on " + thread.getName() + "; going on with the next",
                    e);
        }
    }

    /**
     * Hands over the events queued by now (waiting up to 5 s for the handler), then stops and closes the
     * subscription. Closing it again does nothing more.
     */
    @Override
    public void close() {
        synchronized (wakeUp) {
            closing = true;
            if (polling && Thread.currentThread() != thread) {
                thread.interrupt(); // so a close does not wait out the poll
            }
        }
        if (Thread.currentThread() != thread) {
            try {
                if (!thread.join(Duration.ofSeconds(5))) {
                    log.log(System.Logger.Level.WARNING, () -> thread.getName() + " still handles events after 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscription.close();
    }
}
