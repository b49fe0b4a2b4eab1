package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetdeck serve --demo} as a newcomer meets it (issue 15, defect 16): a small site of pumps, flow meters and
 * gateways of several firmware versions, whose telemetry and shadows tell the same battery, with one low battery and
 * one pending firmware change to find, and which goes on where it left off after a restart. The devices' own telemetry
 * and shadows are read over the broker's plain loopback listener, as a tool on the site's machine would.
 */
class DemoSiteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("fleetdeck ready .* mqtt=(127\\.0\\.0\\.1):(\\d+) .*");

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void theDemoIsASiteWithTypesFirmwareALowBatteryAPendingChangeAndBatteriesThatGoOnAfterARestart() throws Exception {
        try (FleetdeckProcess serve = serveDemo();
                SiteTool site = SiteTool.connect(serve)) {
            // a reading is what the device measured: the shadow holds it too, once its report is in
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(site.awaitTelemetry("gateway-106")
                                    .path("battery")
                                    .asDouble())
                            .isEqualTo(
                                    site.reported("gateway-106").path("battery").asDouble()));
            JsonNode waiting = site.state("pump-102");
            assertThat(waiting.path("delta").path("firmware").asText())
                    .as("pump-102 waits for its maintenance window")
                    .isEqualTo("2.0.1");
            assertThat(waiting.path("reported").path("firmware").asText()).isEqualTo("1.5.0");
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }

        assertThat(search("thingTypeName:pump AND thingGroupNames:floor-2"))
                .as("pumps of the site's second floor")
                .containsExactly("pump-201", "pump-202", "pump-203");
        assertThat(search("thingTypeName:gateway AND attributes.site:site-north"))
                .containsExactly("gateway-106", "gateway-206");
        assertThat(search("shadow.reported.battery<20"))
                .as("the one low battery")
                .containsExactly("flow-meter-103");
        assertThat(search("shadow.reported.firmware:2.0.1"))
                .as("the devices on the newest firmware, of the three the site runs")
                .containsExactly("flow-meter-105", "gateway-106", "pump-202", "pump-203");
        // weeks of running later, as far as the gateway's shadow can tell
        try (FleetdeckProcess later = run(
                "shadow",
                "update",
                "gateway-106",
                "{\"state\":{\"reported\":{\"battery\":42.5,\"operatingSeconds\":1209600}}}")) {
            assertThat(later.awaitExit()).as("stderr %s", later.stderr()).isZero();
        }
        try (FleetdeckProcess serve = serveDemo();
                SiteTool site = SiteTool.connect(serve)) {
            assertThat(site.awaitTelemetry("gateway-106").path("battery").asDouble())
                    .as("the restarted gateway goes on from the battery it reported, not from a fresh one")
                    .isEqualTo(42.5);
            // it reported its whole state when it connected, before its first reading
            JsonNode reported = site.reported("gateway-106");
            assertThat(reported.path("battery").asDouble()).isEqualTo(42.5);
            assertThat(reported.path("operatingSeconds").asLong()).isGreaterThanOrEqualTo(1209600);
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
    }

    private FleetdeckProcess serveDemo() throws Exception {
        return FleetdeckProcess.start(
                "serve",
                "--demo",
                "--data-dir",
                temp.resolve("data").toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                "0");
    }

    private List<String> search(String query) throws Exception {
        try (FleetdeckProcess search = run("search", query)) {
            assertThat(search.awaitExit())
                    .as("search %s: %s", query, search.stderr())
                    .isZero();
            return search.stdout();
        }
    }

    /** An MQTT client on the plain loopback listener: the devices' telemetry and their shadows as {@code get} says. */
    private static final class SiteTool implements AutoCloseable {

        private final MqttAsyncClient client;
        private final Map<String, JsonNode> telemetry = new ConcurrentHashMap<>();

        private SiteTool(MqttAsyncClient client) {
            this.client = client;
        }

        static SiteTool connect(FleetdeckProcess serve) throws Exception {
            Matcher ready = PLAIN.matcher(serve.awaitStdoutLine("fleetdeck ready"));
            assertThat(ready.matches()).as("ready line with the plain listener").isTrue();
            MqttAsyncClient client = new MqttAsyncClient(
                    "tcp://" + ready.group(1) + ":" + ready.group(2), "demo-site-it", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            client.connect(options).waitForCompletion(10_000);
            SiteTool tool = new SiteTool(client);
            client.subscribe(
                            "dt/+/telemetry",
                            0,
                            (topic, message) ->
                                    tool.telemetry.put(topic.split("/")[1], JSON.readTree(message.getPayload())))
                    .waitForCompletion(10_000);
            return tool;
        }

        /** The device's next telemetry reading. */
        JsonNode awaitTelemetry(String thing) {
            telemetry.remove(thing);
            await().atMost(Duration.ofSeconds(20)).until(() -> telemetry.containsKey(thing));
            return telemetry.get(thing);
        }

        JsonNode reported(String thing) throws Exception {
            return state(thing).path("reported");
        }

        /** The classic shadow's state (desired, reported, delta) as its {@code get} answers. */
        JsonNode state(String thing) throws Exception {
            String topic = "$aws/things/" + thing + "/shadow/get";
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            client.subscribe(
                            topic + "/accepted",
                            1,
                            (t, message) -> answer.complete(JSON.readTree(message.getPayload())))
                    .waitForCompletion(10_000);
            client.publish(topic, "{}".getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(10_000);
            try {
                return answer.get(10, TimeUnit.SECONDS).path("state");
            } finally {
                client.unsubscribe(topic + "/accepted").waitForCompletion(10_000);
            }
        }

        @Override
        public void close() throws Exception {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        }
    }
}
