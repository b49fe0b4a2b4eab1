package io.fleetdeck.broker.server;

import io.fleetdeck.broker.MessageHandler;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.routing.Subscriber;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's subscription: messages reach its handler in publish order on a virtual thread of its own, so a handler
 * that writes to the store never holds up the broker's I/O threads.
 */
final class InternalSubscription implements Subscriber, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InternalSubscription.class);

    private final String filter;
    private final MessageHandler handler;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("mqtt-service-subscription").factory());

    InternalSubscription(String filter, MessageHandler handler) {
        this.filter = filter;
        this.handler = handler;
    }

    @Override
    public void deliver(PublishedMessage message, int grantedQos) {
        try {
            worker.execute(() -> handle(message));
        } catch (RejectedExecutionException closed) {
            // the service unsubscribed while this message was on its way
        }
    }

    /** Stops taking messages and lets the ones already handed over finish, so a stop loses no accepted work. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Handler for {} still busy after 2 s; stopping without it", filter);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(PublishedMessage message) {
        try {
            handler.onMessage(message);
        } catch (RuntimeException e) {
            log.warn("Handler for {} failed on a message to {}", filter, message.topic(), e);
        }
    }
}
