package io.fleetdeck.fleet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.EventStreamFailedException;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.EventsLost;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.FleetEvent.ThingCreated;
import io.fleetdeck.api.event.OverflowPolicy;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FleetEventHubTest {

    private final FleetEventHub hub = new FleetEventHub();

    private static ShadowCommitted shadow(String thing, long version) {
        return new ShadowCommitted(thing, "", version, null);
    }

    private static List<FleetEvent> drain(EventSubscription subscription) throws InterruptedException {
        List<FleetEvent> all = new ArrayList<>();
        for (List<FleetEvent> batch = subscription.poll(Duration.ZERO, 100);
                !batch.isEmpty();
                batch = subscription.poll(Duration.ZERO, 100)) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void aSubscriberHearsOnlyTheKindsItAskedForInTheOrderTheyWerePublished() throws Exception {
        EventSubscription shadows = hub.subscribe(SubscriptionOptions.durable("index", EventKind.SHADOW_COMMITTED));
        hub.publish(new ThingCreated("pump-1"));
        hub.publishAll(List.of(shadow("pump-1", 1), shadow("pump-2", 1), shadow("pump-1", 2)));

        assertThat(drain(shadows)).containsExactly(shadow("pump-1", 1), shadow("pump-2", 1), shadow("pump-1", 2));
    }

    @Test
    void aViewKeepsTheLatestEventPerThingAndKindInTheOrderOfTheirLatestArrival() throws Exception {
        EventSubscription view = hub.subscribe(
                SubscriptionOptions.forView("fleet table", EventKind.SHADOW_COMMITTED, EventKind.CONNECTIVITY_CHANGED));
        ConnectivityChanged up = new ConnectivityChanged("pump-1", true, Instant.EPOCH, null);
        hub.publishAll(List.of(shadow("pump-1", 1), shadow("pump-2", 1), up, shadow("pump-1", 2)));

        assertThat(drain(view))
                .as("pump-1's first version is replaced; its connectivity is another kind and stays")
                .containsExactly(shadow("pump-2", 1), up, shadow("pump-1", 2));
    }

    @Test
    void aViewThatFallsTooFarBehindIsToldToReadEverythingAgainAndThePublisherNeverWaits() throws Exception {
        EventSubscription view = hub.subscribe(
                new SubscriptionOptions("fleet table", Set.of(EventKind.SHADOW_COMMITTED), 3, OverflowPolicy.COALESCE));
        for (int thing = 1; thing <= 5; thing++) {
            hub.publish(shadow("pump-" + thing, 1));
        }

        List<FleetEvent> heard = drain(view);
        assertThat(heard.getFirst()).isEqualTo(new EventsLost(4));
        assertThat(heard.subList(1, heard.size()))
                .as("what came after the overflow is kept")
                .containsExactly(shadow("pump-5", 1));
        assertThat(drain(view)).isEmpty();
    }

    @Test
    void aDurableSubscriberHoldsThePublisherUpUntilItMakesRoomAndLosesNothing() throws Exception {
        EventSubscription index = hub.subscribe(
                new SubscriptionOptions("index", Set.of(EventKind.SHADOW_COMMITTED), 2, OverflowPolicy.BLOCK));
        CountDownLatch published = new CountDownLatch(1);
        Thread committer = Thread.ofPlatform().start(() -> {
            for (int version = 1; version <= 5; version++) {
                hub.publish(shadow("pump-1", version));
            }
            published.countDown();
        });

        assertThat(published.await(300, TimeUnit.MILLISECONDS))
                .as("the publisher waits while the queue is full")
                .isFalse();
        List<FleetEvent> heard = new ArrayList<>();
        while (heard.size() < 5) {
            heard.addAll(index.poll(Duration.ofSeconds(5), 1));
        }
        committer.join(5_000);
        assertThat(heard)
                .containsExactly(
                        shadow("pump-1", 1),
                        shadow("pump-1", 2),
                        shadow("pump-1", 3),
                        shadow("pump-1", 4),
                        shadow("pump-1", 5));
    }

    @Test
    void aSubscriberThatWouldRatherFailIsClosedAndSaysHowFarItFellBehind() throws Exception {
        EventSubscription audit = hub.subscribe(new SubscriptionOptions("audit log", Set.of(), 2, OverflowPolicy.FAIL));
        hub.publishAll(List.of(shadow("pump-1", 1), shadow("pump-1", 2), shadow("pump-1", 3)));

        assertThat(audit.isOpen()).isFalse();
        assertThat(hub.subscriberCount()).isZero();
        assertThatThrownBy(() -> audit.poll(Duration.ZERO, 10))
                .isInstanceOf(EventStreamFailedException.class)
                .hasMessageContaining("audit log fell more than 2 fleet events behind");
    }

    @Test
    void aClosedSubscriptionHearsNothingMoreAndFreesItsPlace() throws Exception {
        EventSubscription view = hub.subscribe(SubscriptionOptions.forView("groups", EventKind.THING_CREATED));
        view.close();
        hub.publish(new ThingCreated("pump-1"));

        assertThat(hub.subscriberCount()).isZero();
        assertThatThrownBy(() -> view.poll(Duration.ZERO, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("groups is closed");
    }

    @Test
    void aPumpHandsEachBatchOverInOrderAndGoesOnAfterAHandlerFails() throws Exception {
        List<FleetEvent> handled = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        try (EventPump pump = EventPump.start(
                "test-pump", hub.subscribe(SubscriptionOptions.durable("pump", EventKind.THING_CREATED)), batch -> {
                    if (batch.contains(new ThingCreated("broken"))) {
                        failed.countDown();
                        throw new IllegalStateException("a handler's own bug");
                    }
                    handled.addAll(batch);
                })) {
            hub.publish(new ThingCreated("pump-1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);
            hub.publish(new ThingCreated("broken"));
            assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
            hub.publish(new ThingCreated("pump-2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains(new ThingCreated("pump-2")));
        }
        assertThat(hub.subscriberCount())
                .as("closing the pump closes its subscription")
                .isZero();
    }

    @Test
    void closingAPumpWakesItsWaitingPollHandsOverWhatIsQueuedAndNeverInterruptsTheHandler() throws Exception {
        WaitingSubscription subscription = new WaitingSubscription(List.of(new ThingCreated("queued")));
        List<FleetEvent> handled = new CopyOnWriteArrayList<>();
        List<Boolean> interruptedInHandler = new CopyOnWriteArrayList<>();
        EventPump pump = EventPump.start("test-waking-pump", subscription, batch -> {
            interruptedInHandler.add(Thread.currentThread().isInterrupted());
            handled.addAll(batch);
        });
        assertThat(subscription.waiting.await(5, TimeUnit.SECONDS)).isTrue();

        pump.close();

        assertThat(subscription.woken)
                .as("close woke the poll instead of waiting it out")
                .isTrue();
        assertThat(handled).containsExactly(new ThingCreated("queued"));
        assertThat(interruptedInHandler).containsOnly(false);
        assertThat(subscription.isOpen()).isFalse();
    }

    /** Waits in its first poll until interrupted (a minute at most); then hands over what it holds, once. */
    private static final class WaitingSubscription implements EventSubscription {

        final CountDownLatch waiting = new CountDownLatch(1);
        volatile boolean woken;
        private final List<FleetEvent> queued;
        private volatile boolean open = true;
        private boolean waited;

        WaitingSubscription(List<FleetEvent> queued) {
            this.queued = new ArrayList<>(queued);
        }

        @Override
        public synchronized List<FleetEvent> poll(Duration wait, int max) throws InterruptedException {
            if (!waited) {
                waited = true;
                waiting.countDown();
                try {
                    wait(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    woken = true;
                    throw e;
                }
            }
            List<FleetEvent> batch = List.copyOf(queued);
            queued.clear();
            return batch;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
