package io.fleetdeck.views.testing;

import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fleet events in memory for the views' tests: what a test publishes reaches every open subscription that wants its
 * kind, in order. Unbounded, as a test never floods it. Thread-safe.
 */
public final class FakeEvents implements FleetEvents {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public void publish(FleetEvent event) {
        subscriptions.forEach(subscription -> subscription.offer(event));
    }

    /** How many subscriptions are open: a view that closed stops listening. */
    public long openSubscriptions() {
        return subscriptions.stream().filter(Subscription::isOpen).count();
    }

    @Override
    public EventSubscription subscribe(SubscriptionOptions options) {
        Subscription subscription = new Subscription(options);
        subscriptions.add(subscription);
        return subscription;
    }

    private final class Subscription implements EventSubscription {

        private final SubscriptionOptions options;
        private final BlockingQueue<FleetEvent> queue = new LinkedBlockingQueue<>();
        private volatile boolean open = true;

        Subscription(SubscriptionOptions options) {
            this.options = options;
        }

        void offer(FleetEvent event) {
            if (open && options.wants(event)) {
                queue.add(event);
            }
        }

        @Override
        public List<FleetEvent> poll(Duration wait, int max) throws InterruptedException {
            List<FleetEvent> batch = new ArrayList<>();
            FleetEvent first = open ? queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS) : null;
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, max - 1);
            }
            return batch;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
        }
    }
}
