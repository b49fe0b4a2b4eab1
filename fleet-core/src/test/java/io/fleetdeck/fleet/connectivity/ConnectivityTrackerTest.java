package io.fleetdeck.fleet.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.broker.Mosquitto;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thing's connectivity follows its device, from the broker's lifecycle events, and ignores stale ones. */
class ConnectivityTrackerTest {

    @TempDir
    Path folder;

    @Test
    void connectedWhileTheDeviceIsOnAndTheReasonOnceItIsGone() throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(
                folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), Clock.systemUTC());
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        List<FleetEvent> changes = new CopyOnWriteArrayList<>();
        try (MqttServer server = MqttServer.start(
                        broker,
                        new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20));
                ConnectivityTracker connectivity = new ConnectivityTracker(broker, changes::add)) {
            String port = Integer.toString(server.plainAddress().orElseThrow().getPort());
            try (var device = Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port, "-i", "pump-3", "-t", "dt/pump-3/#")) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> connectivity
                                .of("pump-3")
                                .map(ConnectivityTracker.Connectivity::connected)
                                .orElse(false));
                device.killAbruptly();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !connectivity.of("pump-3").orElseThrow().connected());
            }
            assertThat(connectivity.of("pump-3").orElseThrow().disconnectReason())
                    .isEqualTo("CONNECTION_LOST");

            // a connected event that arrives late, stamped before the disconnect, changes nothing
            broker.publish(
                    "$aws/events/presence/connected/pump-3",
                    "{\"clientId\":\"pump-3\",\"timestamp\":1000,\"eventType\":\"connected\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    1,
                    false);
            // events reach the tracker in order: once one published after it is seen, the late one was handled
            broker.publish(
                    "$aws/events/presence/connected/marker",
                    "{\"clientId\":\"marker\",\"timestamp\":2000,\"eventType\":\"connected\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    1,
                    false);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> connectivity.of("marker").isPresent());
            assertThat(connectivity.of("pump-3").orElseThrow().connected()).isFalse();
            assertThat(changes)
                    .as("subscribers hear of each change that took, in order, and not of the late event")
                    .extracting(FleetEvent::subject)
                    .containsExactly("pump-3", "pump-3", "marker");
            assertThat(changes.get(0))
                    .isInstanceOfSatisfying(
                            ConnectivityChanged.class,
                            up -> assertThat(up.connected()).isTrue());
            assertThat(changes.get(1)).isInstanceOfSatisfying(ConnectivityChanged.class, down -> {
                assertThat(down.connected()).isFalse();
                assertThat(down.disconnectReason()).isEqualTo("CONNECTION_LOST");
            });
        }
    }
}
