package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.metrics.DisconnectReason;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that sends DISCONNECT, waits for the broker to close the socket and connects again with the same client id
 * has simply reconnected: its old connection must never be reported as taken over (DUPLICATE_CLIENTID), or lifecycle
 * events, the index's connectivity and Defender's disconnect counts would all say the wrong thing.
 */
class ReconnectAfterDisconnectTest {

    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect",
               "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"}]}
            """;

    @TempDir
    Path folder;

    @Test
    void tenThousandCleanReconnectsAreNeverSeenAsTakeovers() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder)) {
            int rounds = 10_000;
            for (int round = 0; round < rounds; round++) {
                try (RawMqttClient device = new RawMqttClient(broker.plainPort())) {
                    device.connect("meter-9", false, 60);
                    device.disconnect();
                    assertThat(device.closedByBroker()).isTrue();
                }
            }

            Map<DisconnectReason, Long> ended = broker.broker.stats().disconnects();
            assertThat(ended.get(DisconnectReason.SESSION_TAKEN_OVER)).isZero();
            assertThat(ended.get(DisconnectReason.CLIENT_DISCONNECTED)).isEqualTo(rounds);
        }
    }

    @Test
    void cleanReconnectsOverMutualTlsAreNeverSeenAsTakeovers() throws Exception {
        MapAuthority authority = new MapAuthority();
        TestPki.Issued ca = TestPki.ca(folder, "plant-ca");
        authority.trust(ca.certificate());
        authority.policy(POLICY);
        TestPki.Issued meter = TestPki.device(folder, ca, "meter-9");
        authority.register(meter, "meter-9");
        try (RunningBroker broker = RunningBroker.startWithAuthority(folder, authority)) {
            SSLContext tls = TestPki.deviceTls(meter, broker.caFile);
            int rounds = 1_000;
            for (int round = 0; round < rounds; round++) {
                SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", broker.tlsPort());
                try (RawMqttClient device = new RawMqttClient(socket)) {
                    device.connect("meter-9", false, 60);
                    device.disconnect();
                    assertThat(device.closedByBroker()).isTrue();
                }
            }

            Map<DisconnectReason, Long> ended = broker.broker.stats().disconnects();
            assertThat(ended.get(DisconnectReason.SESSION_TAKEN_OVER)).isZero();
            assertThat(ended.get(DisconnectReason.CLIENT_DISCONNECTED)).isEqualTo(rounds);
        }
    }
}
