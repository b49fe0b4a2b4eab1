package io.fleetdeck.fleet.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import io.fleetdeck.broker.ClientActivity;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thing's last seen follows its messages, passed on at most once an interval however often the device publishes. */
class LastSeenTest {

    private static final Instant T0 = Instant.parse("2026-12-07T19:00:00Z");

    @TempDir
    Path folder;

    @Test
    void devicesPublishingEverySecondAreReportedOnceAnIntervalWithTheirLatestMessage() {
        ClientActivity activity = new ClientActivity();
        List<FleetEvent> events = new ArrayList<>();
        MovingClock clock = new MovingClock();
        LastSeen lastSeen = new LastSeen(activity, events::add, clock, Duration.ofSeconds(5));

        for (int second = 1; second <= 4; second++) {
            clock.advance(Duration.ofSeconds(1));
            activity.heard("pump-7", clock.millis());
            activity.heard("pump-8", clock.millis());
            assertThat(lastSeen.flushIfDue())
                    .as("second %d: not due yet", second)
                    .isZero();
        }
        assertThat(events).as("nothing passed on per message").isEmpty();
        assertThat(lastSeen.of("pump-7")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        activity.heard("pump-7", clock.millis());
        assertThat(lastSeen.flushIfDue()).isEqualTo(2);

        assertThat(events)
                .as("one event per thing, with the latest message of each")
                .containsExactlyInAnyOrder(
                        new ThingSeen("pump-7", T0.plusSeconds(5)), new ThingSeen("pump-8", T0.plusSeconds(4)));
        assertThat(lastSeen.of("pump-7")).contains(T0.plusSeconds(5));

        clock.advance(Duration.ofSeconds(5));
        assertThat(lastSeen.flushIfDue()).as("a quiet fleet passes nothing on").isZero();

        clock.advance(Duration.ofSeconds(1));
        activity.heard("pump-8", clock.millis());
        assertThat(lastSeen.flushIfDue())
                .as("heard from just after a flush: waits for the next interval")
                .isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(lastSeen.flushIfDue()).isEqualTo(1);
        assertThat(events.getLast()).isEqualTo(new ThingSeen("pump-8", T0.plusSeconds(11)));
    }

    @Test
    void aDevicePublishingOverMqttMovesItsLastSeenForward() throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(
                folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), Clock.systemUTC());
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        List<ThingSeen> seen = new CopyOnWriteArrayList<>();
        try (MqttServer server = MqttServer.start(
                        broker,
                        new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20));
                LastSeen lastSeen = LastSeen.start(
                        broker.clientActivity(),
                        event -> seen.add((ThingSeen) event),
                        Clock.systemUTC(),
                        Duration.ofMillis(200))) {
            MqttClient device = new MqttClient(
                    "tcp://127.0.0.1:" + server.plainAddress().orElseThrow().getPort(),
                    "pump-3",
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            device.connect(options);
            try {
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> lastSeen.of("pump-3").isPresent());
                Instant connected = lastSeen.of("pump-3").orElseThrow();

                Instant before = Instant.now();
                await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(connected.plusMillis(50)));
                device.publish("dt/pump-3/telemetry", "{\"battery\":81}".getBytes(StandardCharsets.UTF_8), 1, false);

                await().atMost(Duration.ofSeconds(5))
                        .until(() -> lastSeen.of("pump-3").orElseThrow().isAfter(connected));
                assertThat(lastSeen.of("pump-3").orElseThrow()).isAfterOrEqualTo(before.minusMillis(1));
                assertThat(seen)
                        .extracting(ThingSeen::thing)
                        .as("the connect and the message, each passed on as the thing seen")
                        .containsOnly("pump-3")
                        .hasSizeGreaterThanOrEqualTo(2);
            } finally {
                device.disconnect();
                device.close();
            }
        }
    }

    /** A clock the test moves by hand: no test waits for an interval to pass. */
    private static final class MovingClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
