package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.fleet.store.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the PostgreSQL server behind {@code serve} goes down as in a crash (pg_ctl stop -m immediate) while devices
 * update their shadows, and comes back. Requests made while it is down are refused with AWS's 500; {@code serve}
 * connects again by itself, with no restart; and every update that was acknowledged before, during or after is there.
 */
class PostgresRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THINGS = 50;
    private static final int UPDATES_PER_SECOND = 200;

    @TempDir
    Path temp;

    private final Map<String, Long> acknowledgedVersion = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledgedSequence = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final List<JsonNode> rejections = new CopyOnWriteArrayList<>();

    @Test
    void nothingAcknowledgedIsLostAndServeReconnectsByItselfWhenPostgresRestarts() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String databaseUrl = postgres.databaseFor(temp.resolve("data"));
        int port = FleetdeckProcess.freePort();
        AtomicLong sequence = new AtomicLong();
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                env -> env.put("FLEETDECK_DATABASE_URL", databaseUrl),
                "serve",
                "--data-dir",
                temp.resolve("data").toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                Integer.toString(port))) {
            serve.awaitStdoutLine("fleetdeck ready");
            MqttAsyncClient client = connect(port);
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            load.scheduleAtFixedRate(
                    () -> sendUpdate(client, sequence.incrementAndGet()),
                    0,
                    1_000_000 / UPDATES_PER_SECOND,
                    TimeUnit.MICROSECONDS);
            try {
                await("load before the restart").atMost(Duration.ofSeconds(30)).until(() -> acknowledged.get() >= 300);

                postgres.crash();
                await("updates refused while PostgreSQL is down")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> rejections.size() >= 20);
                postgres.startAgain();

                long beforeReconnect = acknowledged.get();
                await("updates accepted again, with serve as it was")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> acknowledged.get() >= beforeReconnect + 300);
            } finally {
                load.shutdownNow();
                load.awaitTermination(5, TimeUnit.SECONDS);
            }
            assertThat(serve.stderr())
                    .as("serve said it lost the database and had it again")
                    .anySatisfy(line -> assertThat(line).contains("Lost the connection to the database"))
                    .anySatisfy(line -> assertThat(line).contains("Connected to the database"));
            assertThat(rejections).as("every refusal while PostgreSQL was down").allSatisfy(rejected -> {
                assertThat(rejected.path("code").asInt()).isEqualTo(500);
                assertThat(rejected.path("message").asText()).isEqualTo("Internal service failure");
            });
            checkEverythingAcknowledgedIsThere(client);
            client.disconnectForcibly(0, 0, false);
            client.close(true);
        }
    }

    private void sendUpdate(MqttAsyncClient client, long sequence) {
        String thing = "pg-thing-" + sequence % THINGS;
        String update = "{\"state\":{\"reported\":{\"seq\":" + sequence + "}},\"clientToken\":\"" + sequence + "\"}";
        try {
            client.publish(
                    "$aws/things/" + thing + "/shadow/update", update.getBytes(StandardCharsets.UTF_8), 1, false);
            sent.incrementAndGet();
        } catch (MqttException e) {
            throw new IllegalStateException("the broker refused a publish; it should stay up", e);
        }
    }

    /** Reads every shadow back once the last answers are in and holds it against what was acknowledged. */
    private void checkEverythingAcknowledgedIsThere(MqttAsyncClient client) throws Exception {
        // every update gets one answer, accepted or rejected: read back only once all are in
        await("an answer to every update")
                .atMost(Duration.ofSeconds(20))
                .until(() -> acknowledged.get() + rejections.size() == sent.get());
        for (int i = 0; i < THINGS; i++) {
            client.publish("$aws/things/pg-thing-" + i + "/shadow/get", new byte[0], 1, false);
        }
        await("every shadow read back")
                .atMost(Duration.ofSeconds(20))
                .until(() -> fetched.keySet().containsAll(acknowledgedVersion.keySet()));
        assertThat(acknowledgedVersion).hasSize(THINGS);
        for (Map.Entry<String, Long> thing : acknowledgedVersion.entrySet()) {
            JsonNode shadow = fetched.get(thing.getKey());
            assertThat(shadow.path("version").asLong())
                    .as("version of %s", thing.getKey())
                    .isGreaterThanOrEqualTo(thing.getValue());
            assertThat(shadow.path("state").path("reported").path("seq").asLong())
                    .as("last acknowledged update of %s", thing.getKey())
                    .isGreaterThanOrEqualTo(acknowledgedSequence.get(thing.getKey()));
        }
    }

    private MqttAsyncClient connect(int port) throws MqttException {
        MqttAsyncClient client =
                new MqttAsyncClient("tcp://127.0.0.1:" + port, "pg-restart-load", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(5000);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe("$aws/things/+/shadow/update/+", 0, (topic, message) -> answered(topic, message.getPayload()))
                .waitForCompletion(10_000);
        client.subscribe(
                        "$aws/things/+/shadow/get/accepted",
                        0,
                        (topic, message) -> fetched.put(topic.split("/")[2], JSON.readTree(message.getPayload())))
                .waitForCompletion(10_000);
        return client;
    }

    private void answered(String topic, byte[] payload) throws Exception {
        JsonNode answer = JSON.readTree(payload);
        String thing = topic.split("/")[2];
        if (topic.endsWith("/accepted")) {
            acknowledgedVersion.merge(thing, answer.path("version").asLong(), Math::max);
            acknowledgedSequence.merge(
                    thing, answer.path("state").path("reported").path("seq").asLong(), Math::max);
            acknowledged.incrementAndGet();
        } else if (topic.endsWith("/rejected")) {
            rejections.add(answer);
        }
    }
}
