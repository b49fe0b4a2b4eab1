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
                events = subscription.poll(last ? Duration.ZERO : WAIT, BATCH);
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
        closing = true;
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
