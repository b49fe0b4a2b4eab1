package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS IoT's lifecycle events (AWS-IOT-BEHAVIOUR §5.10), watched by mosquitto_sub as a dashboard would. */
class LifecycleEventsTest {

    @TempDir
    Path folder;

    @Test
    void connectSubscribeAndDisconnectAreAnnouncedWithSharedVersionNumbers() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder);
                var watcher = Mosquitto.sub("-d", "-v", "-h", "127.0.0.1", "-p", port(broker), "-t", "$aws/events/#")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> watcher.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            for (int run = 0; run < 2; run++) {
                var sent = Mosquitto.pub(
                        "-h", "127.0.0.1", "-p", port(broker), "-i", "meter-4", "-t", "dt/meter-4/x", "-m", "1");
                assertThat(sent.exitCode()).isZero();
            }
            try (var device =
                    Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port(broker), "-i", "meter-5", "-t", "dt/meter-5/#")) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> device.lines().stream().anyMatch(line -> line.contains("SUBACK")));
                device.killAbruptly();
            }

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events(watcher, "disconnected/meter-5").size() == 1);
            List<Map<String, String>> connects = events(watcher, "presence/connected/meter-4");
            List<Map<String, String>> disconnects = events(watcher, "presence/disconnected/meter-4");
            assertThat(connects).extracting(e -> e.get("versionNumber")).containsExactly("0", "1");
            assertThat(disconnects).extracting(e -> e.get("versionNumber")).containsExactly("0", "1");
            assertThat(connects.getFirst())
                    .containsEntry("clientId", "meter-4")
                    .containsEntry("eventType", "connected")
                    .containsEntry("ipAddress", "127.0.0.1")
                    .containsKeys("timestamp", "sessionIdentifier", "principalIdentifier");
            assertThat(disconnects.getFirst())
                    .containsEntry("clientInitiatedDisconnect", "true")
                    .containsEntry("disconnectReason", "CLIENT_INITIATED_DISCONNECT")
                    .containsEntry("sessionIdentifier", connects.getFirst().get("sessionIdentifier"));
            assertThat(events(watcher, "subscriptions/subscribed/meter-5").getFirst())
                    .containsEntry("topics", "[dt/meter-5/#]");
            assertThat(events(watcher, "disconnected/meter-5").getFirst())
                    .containsEntry("clientInitiatedDisconnect", "false")
                    .containsEntry("disconnectReason", "CONNECTION_LOST");
        }
    }

    /** The payloads of events whose topic ends with {@code suffix}, each as flat field → text. */
    private static List<Map<String, String>> events(Mosquitto.Subscriber watcher, String suffix) {
        return watcher.lines().stream()
                .filter(line -> line.startsWith("$aws/events/") && line.split(" ", 2)[0].endsWith(suffix))
                .map(line -> flat(line.split(" ", 2)[1]))
                .toList();
    }

    private static Map<String, String> flat(String json) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    StringBuilder items = new StringBuilder("[");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.append(items.length() > 1 ? ", " : "").append(parser.getText());
                    }
                    fields.put(name, items.append(']').toString());
                } else {
                    fields.put(name, parser.getText());
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        return fields;
    }

    private static String port(RunningBroker broker) {
        return Integer.toString(broker.plainPort());
    }
}
