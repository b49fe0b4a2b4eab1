package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Device Shadow vectors of AWS-IOT-BEHAVIOUR §10.1, sent by a real MQTT client (Paho) through the broker's
 * listener to the shadow service, on a real store: SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T = 1_795_000_000L;

    private final StoreKind store;

    @TempDir
    Path folder;

    private Database database;
    private MessageBroker broker;
    private ShadowService shadows;
    private MqttServer server;
    private MqttClient device;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    ShadowVectorsTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void start() throws Exception {
        database = store.open(folder);
        broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        shadows = ShadowService.start(broker, database, Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC), 100);
        ServerIdentity identity =
                ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), Clock.systemUTC());
        server = MqttServer.start(
                broker, new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20));
        device = new MqttClient(
                "tcp://127.0.0.1:" + server.plainAddress().orElseThrow().getPort(), "lamp1", new MemoryPersistence());
        device.connect();
        device.subscribe("$aws/things/lamp1/shadow/#", 1, (topic, message) -> {
            if (topic.matches(".*/(accepted|rejected|delta|documents)$")) {
                seen.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        device.disconnect();
        device.close();
        server.close();
        shadows.close();
        database.close();
    }

    /** Publishes a request and returns the responses it caused, once its accepted or rejected is in. */
    private List<String> request(String topic, String payload) throws MqttException {
        int before = seen.size();
        device.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> seen.stream()
                        .skip(before)
                        .anyMatch(
                                line -> line.startsWith(topic + "/accepted") || line.startsWith(topic + "/rejected")));
        // the documents message is the last one an accepted update sends
        if (topic.endsWith("/update") && seen.stream().skip(before).anyMatch(l -> l.startsWith(topic + "/accepted"))) {
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> seen.stream().skip(before).anyMatch(line -> line.startsWith(topic + "/documents")));
        }
        return List.copyOf(seen.subList(before, seen.size()));
    }

    private static JsonNode body(List<String> responses, String suffix) throws Exception {
        String line = responses.stream()
                .filter(l -> l.split(" ", 2)[0].endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " in " + responses));
        return JSON.readTree(line.split(" ", 2)[1]);
    }

    private static final String UPDATE = "$aws/things/lamp1/shadow/update";
    private static final String GET = "$aws/things/lamp1/shadow/get";

    @Test
    void tvS01ToS03DesiredThenPartialReportThenMatchingReport() throws Exception {
        List<String> first = request(
                UPDATE, "{\"state\":{\"desired\":{\"color\":\"red\",\"power\":\"on\"}}," + "\"clientToken\":\"c1\"}");
        assertThat(body(first, "/update/accepted"))
                .isEqualTo(JSON.readTree("{\"state\":{\"desired\":{\"color\":\"red\",\"power\":\"on\"}},"
                        + "\"metadata\":{\"desired\":{\"color\":{\"timestamp\":" + T + "},\"power\":{\"timestamp\":"
                        + T + "}}},\"version\":1,\"timestamp\":" + T + ",\"clientToken\":\"c1\"}"));
        assertThat(body(first, "/update/delta"))
                .isEqualTo(JSON.readTree("{\"version\":1,\"timestamp\":" + T + ",\"state\":{\"color\":\"red\","
                        + "\"power\":\"on\"},\"metadata\":{\"color\":{\"timestamp\":" + T
                        + "},\"power\":{\"timestamp\":"
                        + T + "}},\"clientToken\":\"c1\"}"));
        JsonNode documents = body(first, "/update/documents");
        assertThat(documents.path("current").path("version").asLong()).isEqualTo(1);
        assertThat(documents.path("current").path("state"))
                .isEqualTo(JSON.readTree("{\"desired\":{\"color\":\"red\",\"power\":\"on\"}}"));
        assertThat(documents.path("clientToken").asText()).isEqualTo("c1");

        List<String> second = request(UPDATE, "{\"state\":{\"reported\":{\"color\":\"red\"}}}");
        assertThat(body(second, "/update/accepted").path("version").asLong()).isEqualTo(2);
        assertThat(body(second, "/update/delta").path("state")).isEqualTo(JSON.readTree("{\"power\":\"on\"}"));
        JsonNode got = body(request(GET, ""), "/get/accepted");
        assertThat(got.path("state"))
                .isEqualTo(JSON.readTree("{\"desired\":{\"color\":\"red\",\"power\":\"on\"},"
                        + "\"reported\":{\"color\":\"red\"},\"delta\":{\"power\":\"on\"}}"));
        assertThat(got.path("metadata").path("delta"))
                .isEqualTo(JSON.readTree("{\"power\":{\"timestamp\":" + T + "}}"));
        assertThat(got.path("version").asLong()).isEqualTo(2);

        List<String> third = request(UPDATE, "{\"state\":{\"reported\":{\"power\":\"on\"}}}");
        assertThat(body(third, "/update/accepted").path("version").asLong()).isEqualTo(3);
        assertThat(third).noneMatch(line -> line.contains("/update/delta "));
        JsonNode settled = body(request(GET, ""), "/get/accepted");
        assertThat(settled.path("state").has("delta")).isFalse();
        assertThat(settled.path("metadata").has("delta")).isFalse();
    }

    @ParameterizedTest(name = "delta of {0} against {1} is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"lights\":{\"color\":{\"r\":255,\"g\":255,\"b\":255}}} | {\"lights\":{\"color\":{\"r\":255,\"g\":0,\"b\":255}}} | {\"lights\":{\"color\":{\"g\":255}}}",
                "{\"a\":1}            | {\"a\":1,\"b\":2} | ",
                "{\"a\":1,\"c\":3}    | {\"a\":1}        | {\"c\":3}",
                "{\"a\":1}            | {\"a\":\"1\"}    | {\"a\":1}",
                "{\"a\":1}            | {\"a\":1.0}      | ",
                "{\"list\":[1,2,3]}   | {\"list\":[1,2]} | {\"list\":[1,2,3]}",
            })
    void tvS04AndS06DeltaRules(String desired, String reported, String expected) throws Exception {
        request(UPDATE, "{\"state\":{\"desired\":" + desired + ",\"reported\":" + reported + "}}");

        JsonNode state = body(request(GET, ""), "/get/accepted").path("state");

        if (expected == null) {
            assertThat(state.has("delta")).isFalse();
        } else {
            assertThat(state.path("delta")).isEqualTo(JSON.readTree(expected));
        }
    }

    @Test
    void tvS07AndS08NullDeletesAKeyOrASection() throws Exception {
        request(
                UPDATE,
                "{\"state\":{\"desired\":{\"color\":\"red\",\"power\":\"on\"},\"reported\":{\"color\":\"blue\"}}}");
        request(UPDATE, "{\"state\":{\"desired\":{\"power\":null}}}");
        JsonNode afterKey = body(request(GET, ""), "/get/accepted");
        assertThat(afterKey.path("state").path("desired")).isEqualTo(JSON.readTree("{\"color\":\"red\"}"));
        assertThat(afterKey.path("metadata").path("desired").has("power")).isFalse();

        List<String> removal = request(UPDATE, "{\"state\":{\"reported\":{\"color\":\"red\"},\"desired\":null}}");
        assertThat(body(removal, "/update/accepted").path("version").asLong()).isEqualTo(3);
        JsonNode afterSection = body(request(GET, ""), "/get/accepted");
        assertThat(afterSection.path("state")).isEqualTo(JSON.readTree("{\"reported\":{\"color\":\"red\"}}"));
    }

    @Test
    void tvS10AndS11OptimisticLocking() throws Exception {
        for (int i = 0; i < 10; i++) {
            request(UPDATE, "{\"state\":{\"desired\":{\"n\":" + i + "}}}");
        }
        List<String> conflict = request(
                UPDATE,
                "{\"state\":{\"desired\":{\"colors\":[\"BLUE\"]}},\"version\":9,"
                        + "\"clientToken\":\"426bfd96-e720-46d3-95cd-014e3ef12bb6\"}");
        JsonNode rejected = body(conflict, "/update/rejected");
        assertThat(rejected.path("code").asInt()).isEqualTo(409);
        assertThat(rejected.path("message").asText()).isEqualTo("Version conflict");
        assertThat(rejected.path("clientToken").asText()).isEqualTo("426bfd96-e720-46d3-95cd-014e3ef12bb6");
        assertThat(conflict).noneMatch(line -> line.contains("/update/delta ") || line.contains("/documents "));

        List<String> match = request(UPDATE, "{\"state\":{\"desired\":{\"colors\":[\"BLUE\"]}},\"version\":10}");
        assertThat(body(match, "/update/accepted").path("version").asLong()).isEqualTo(11);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"foo\":1}                                      | 400 | Missing required node: state",
                "{\"state\":\"x\"}                                | 400 | State node must be an object",
                "{\"state\":{\"desired\":5}}                      | 400 | Desired node must be an object",
                "{\"state\":{\"reported\":[1]}}                   | 400 | Reported node must be an object",
                "{\"state\":{\"delta\":{\"a\":1}}}                | 400 | State contains an invalid node: 'delta'",
                "{\"state\":{\"desired\":{\"a\":1}},\"version\":\"x\"} | 400 | Invalid version",
                "{state:                                          | 400 | Invalid JSON",
                "{\"state\":{\"desired\":{\"colors\":[null,\"RED\"]}}} | 400 | Invalid JSON: arrays must not contain null",
                "{\"state\":{\"desired\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}}} | 400 | JSON contains too many levels of nesting; maximum is 6",
            })
    void tvS13StructuralValidation(String payload, int code, String message) throws Exception {
        JsonNode rejected = body(request(UPDATE, payload), "/update/rejected");

        assertThat(rejected.path("code").asInt()).isEqualTo(code);
        assertThat(rejected.path("message").asText()).isEqualTo(message);
    }

    /**
     * JSON that plain Jackson reads but AWS refuses (issue 13, defect 3): each is answered 400 on rejected, with AWS's
     * "Invalid JSON" and what was wrong, and nothing is stored (before, these were stored as "Infinity", "?", the last
     * duplicate, or the document before the trailing text).
     */
    @ParameterizedTest(name = "{0} -> 400 Invalid JSON: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"state\":{\"desired\":{\"a\":1e999}}}                            | the number 1e999 is too large",
                "{\"state\":{\"desired\":{\"a\":-1e999}}}                           | the number -1e999 is too large",
                "{\"state\":{\"desired\":{\"a\":\"\\ud800\"}}}                    | a string holds the lone surrogate \\ud800",
                "{\"state\":{\"desired\":{\"\\udfff\":1}}}                          | a key holds the lone surrogate \\udfff",
                "{\"state\":{\"desired\":{\"a\":1}}} trailing text                   | unexpected text after the end of the document",
                "{\"state\":{\"desired\":{\"a\":1}}}{\"state\":{}}                   | unexpected text after the end of the document",
                "{\"state\":{\"desired\":{\"a\":1}},\"state\":{\"reported\":{\"b\":2}}} | the key \"state\" appears twice",
                "{\"state\":{\"desired\":{\"a\":1,\"a\":2}}}                         | the key \"a\" appears twice",
                "{\"clientToken\":\"t1\",\"clientToken\":\"t2\",\"state\":{\"desired\":{\"a\":1}}} | the key \"clientToken\" appears twice",
            })
    void tvS13JsonThatAwsRefusesIsRefusedAndNothingIsStored(String payload, String reason) throws Exception {
        JsonNode rejected = body(request(UPDATE, payload), "/update/rejected");

        assertThat(rejected.path("code").asInt()).isEqualTo(400);
        assertThat(rejected.path("message").asText()).startsWith("Invalid JSON: " + reason);
        assertThat(body(request(GET, ""), "/get/rejected").path("code").asInt())
                .as("nothing was stored")
                .isEqualTo(404);
    }

    /**
     * The 8 KB limit counts one thing (AWS-IOT-BEHAVIOUR §1.10): the bytes of the resulting desired and reported
     * sections, as the shadow stores and returns them. Not the request's bytes: whitespace, clientToken, version and
     * escapes in the request do not count; what is already stored does.
     */
    @Test
    void tvS15TheLimitIsTheResultingStateAtExactly8192Bytes() throws Exception {
        // {"a":"<n>"} is n + 8 bytes; desired's {"b":1} is 7 more
        String fits = "{\"state\":{\"reported\":{\"a\":\"" + "r".repeat(8192 - 8 - 7) + "\"}}}";
        assertThat(body(request(UPDATE, fits), "/update/accepted")
                        .path("version")
                        .asLong())
                .isEqualTo(1);
        String padded = "{ \"clientToken\" : \"" + "p".repeat(64) + "\" ,\n" + " ".repeat(4000)
                + "\"state\" : { \"desired\" : { \"\\u0062\" : 1 } } }";
        assertThat(padded.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4000);
        assertThat(body(request(UPDATE, padded), "/update/accepted")
                        .path("version")
                        .asLong())
                .as("exactly 8192 bytes of state, however long the request")
                .isEqualTo(2);

        JsonNode refused = body(request(UPDATE, "{\"state\":{\"desired\":{\"b\":10}}}"), "/update/rejected");
        assertThat(refused.path("code").asInt()).as("8193 bytes").isEqualTo(413);
        assertThat(refused.path("message").asText()).isEqualTo("The payload exceeds the maximum size allowed");
    }

    /**
     * Issue 13's "7,032-byte document refused while a 7,914-byte one is accepted": both are judged by the state they
     * leave. A 7,000-character key fits an empty shadow, and is refused where ~1.2 KB is already stored.
     */
    @Test
    void aLongKeyFitsAnEmptyShadowButNotOneThatAlreadyHoldsState() throws Exception {
        String longKey = "{\"state\":{\"desired\":{\"" + "k".repeat(7000) + "\":\"on\"}}}";
        assertThat(body(request("$aws/things/lamp1/shadow/name/empty/update", longKey), "/update/accepted")
                        .path("version")
                        .asLong())
                .isEqualTo(1);

        request(UPDATE, "{\"state\":{\"reported\":{\"log\":\"" + "x".repeat(1200) + "\"}}}");
        JsonNode refused = body(request(UPDATE, longKey), "/update/rejected");
        assertThat(refused.path("code").asInt()).isEqualTo(413);
    }

    @Test
    void tvS12ClientTokenLimitIs64Bytes() throws Exception {
        JsonNode tooLong = body(
                request(UPDATE, "{\"state\":{\"desired\":{\"a\":1}},\"clientToken\":\"" + "x".repeat(65) + "\"}"),
                "/update/rejected");
        assertThat(tooLong.path("message").asText()).isEqualTo("Invalid clientToken");
        JsonNode fits = body(
                request(UPDATE, "{\"state\":{\"desired\":{\"a\":1}},\"clientToken\":\"" + "x".repeat(64) + "\"}"),
                "/update/accepted");
        assertThat(fits.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void tvS15ADocumentPast8KbIsRefusedAndNothingChanges() throws Exception {
        request(UPDATE, "{\"state\":{\"reported\":{\"a\":\"" + "r".repeat(5000) + "\"}}}");

        JsonNode refused = body(
                request(UPDATE, "{\"state\":{\"desired\":{\"b\":\"" + "d".repeat(4000) + "\"}}}"), "/update/rejected");

        assertThat(refused.path("code").asInt()).isEqualTo(413);
        assertThat(refused.path("message").asText()).isEqualTo("The payload exceeds the maximum size allowed");
        JsonNode kept = body(request(GET, ""), "/get/accepted");
        assertThat(kept.path("version").asLong()).isEqualTo(1);
        assertThat(kept.path("state").has("desired")).isFalse();
    }

    @Test
    void tvS16AndS18MissingShadowsAndNamedShadowIsolation() throws Exception {
        JsonNode missing = body(request(GET, "{\"clientToken\":\"g1\"}"), "/get/rejected");
        assertThat(missing.path("code").asInt()).isEqualTo(404);
        assertThat(missing.path("message").asText()).isEqualTo("No shadow exists with name: 'lamp1'");
        assertThat(missing.path("clientToken").asText()).isEqualTo("g1");

        JsonNode missingNamed = body(request("$aws/things/lamp1/shadow/name/simShadow1/get", ""), "/get/rejected");
        assertThat(missingNamed.path("message").asText()).isEqualTo("No shadow exists with name: 'simShadow1'");

        List<String> named =
                request("$aws/things/lamp1/shadow/name/cfg/update", "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}");
        assertThat(named).allMatch(line -> line.startsWith("$aws/things/lamp1/shadow/name/cfg/update/"));
        assertThat(body(request(GET, ""), "/get/rejected").path("code").asInt()).isEqualTo(404);
    }

    @Test
    void deleteKeepsTheVersionForTheNextShadowAndTheHistoryIsBounded() throws Exception {
        for (int i = 0; i < 3; i++) {
            request(UPDATE, "{\"state\":{\"reported\":{\"n\":" + i + "}}}");
        }
        JsonNode deleted =
                body(request("$aws/things/lamp1/shadow/delete", "{\"clientToken\":\"d1\"}"), "/delete/accepted");
        assertThat(deleted.path("version").asLong()).isEqualTo(3);
        assertThat(deleted.path("clientToken").asText()).isEqualTo("d1");
        assertThat(body(request(GET, ""), "/get/rejected").path("code").asInt()).isEqualTo(404);

        JsonNode recreated = body(request(UPDATE, "{\"state\":{\"reported\":{\"n\":9}}}"), "/update/accepted");
        assertThat(recreated.path("version").asLong())
                .as("continues within 48 hours")
                .isEqualTo(4);
        assertThat(shadows.historySize("lamp1", "")).isEqualTo(4);
    }
}
