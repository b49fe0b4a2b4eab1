package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.fleet.store.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durability of shadow updates: {@code serve} takes 1,000 updates a second over MQTT and is killed with SIGKILL at a
 * random moment, twenty times on the data folder's SQLite file and five times on a PostgreSQL server (issue 13: the
 * store a site moves to must keep the same promise). After each restart every update that was answered with
 * {@code update/accepted} is there (the shadow's version and sequence are at least what was acknowledged) and no
 * version ever goes backwards.
 */
class ShadowCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THINGS = 100;
    private static final int UPDATES_PER_SECOND = 1000;

    /** The stores, each with its number of crashes: PostgreSQL's fewer keep the suite's time in bounds. */
    enum Store {
        SQLITE(20),
        POSTGRESQL(5);

        final int crashes;

        Store(int crashes) {
            this.crashes = crashes;
        }
    }

    @TempDir
    Path temp;

    /** Per thing: the highest version and sequence acknowledged with accepted, and the highest version ever seen. */
    private final Map<String, Long> acknowledgedVersion = new ConcurrentHashMap<>();

    private final Map<String, Long> acknowledgedSequence = new ConcurrentHashMap<>();
    private final Map<String, Long> seenVersion = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> wentBack = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(Store.class)
    void everyAcknowledgedUpdateSurvivesSigkillAndVersionsNeverGoBack(Store store) throws Exception {
        int crashes = store.crashes;
        String databaseUrl = store == Store.POSTGRESQL ? TestPostgres.shared().databaseFor(temp.resolve("data")) : null;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int port = FleetdeckProcess.freePort();
        AtomicLong sequence = new AtomicLong();
        for (int crash = 1; crash <= crashes; crash++) {
            try (FleetdeckProcess serve = startServe(port, databaseUrl)) {
                MqttAsyncClient client = connect(port);
                checkEverythingAcknowledgedIsThere(client, crash, seed);
                ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
                load.scheduleAtFixedRate(
                        () -> sendUpdate(client, sequence.incrementAndGet()),
                        0,
                        1_000_000 / UPDATES_PER_SECOND,
                        TimeUnit.MICROSECONDS);
                // killed at a random moment: after a random number of acknowledged updates, 0.3-1.5 s of load
                long killAfter = acknowledged.get() + 300 + random.nextInt(1200);
                await("load before crash " + crash)
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> acknowledged.get() >= killAfter);
                serve.killHard();
                load.shutdownNow();
                client.disconnectForcibly(0, 0, false);
                client.close(true);
            }
        }
        try (FleetdeckProcess serve = startServe(port, databaseUrl)) {
            checkEverythingAcknowledgedIsThere(connect(port), crashes + 1, seed);
        }
        assertThat(acknowledged.get())
                .as("updates acknowledged over %d crashes on %s (seed %d)", crashes, store, seed)
                .isGreaterThan(crashes * 200L);
        assertThat(refused.get())
                .as("updates refused other than throttled (%d throttled): %s", throttled.get(), refusals)
                .isZero();
        assertThat(wentBack).as("versions that went backwards").isEmpty();
    }

    /** @param databaseUrl a PostgreSQL store, passed as a service passes it (the environment); null for SQLite */
    private FleetdeckProcess startServe(int port, String databaseUrl) throws IOException {
        FleetdeckProcess serve = FleetdeckProcess.start(
                env -> {
                    if (databaseUrl != null) {
                        env.put("FLEETDECK_DATABASE_URL", databaseUrl);
                    }
                },
                "serve",
                "--data-dir",
                temp.resolve("data").toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                Integer.toString(port));
        serve.awaitStdoutLine("fleetdeck ready");
        return serve;
    }

    private void sendUpdate(MqttAsyncClient client, long sequence) {
        String thing = "crash-thing-" + sequence % THINGS;
        String update = "{\"state\":{\"reported\":{\"seq\":" + sequence + ",\"temperature\":" + (sequence % 300) / 10.0
                + "}},\"clientToken\":\"" + sequence + "\"}";
        try {
            client.publish(
                    "$aws/things/" + thing + "/shadow/update", update.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            // the broker was killed under us: this update was never acknowledged, so it may be lost
        }
    }

    /** Reads every thing's shadow and holds it against what was acknowledged before the crash. */
    private void checkEverythingAcknowledgedIsThere(MqttAsyncClient client, int round, long seed) throws Exception {
        fetched.clear();
        for (int i = 0; i < THINGS; i++) {
            client.publish("$aws/things/crash-thing-" + i + "/shadow/get", new byte[0], 1, false);
        }
        await("every shadow read back in round " + round)
                .atMost(Duration.ofSeconds(20))
                .until(() -> fetched.size() + missingShadows() == THINGS);
        for (Map.Entry<String, Long> acknowledgedThing : acknowledgedVersion.entrySet()) {
            String thing = acknowledgedThing.getKey();
            JsonNode shadow = fetched.get(thing);
            assertThat(shadow)
                    .as("round %d (seed %d): %s had acknowledged updates", round, seed, thing)
                    .isNotNull();
            assertThat(shadow.path("version").asLong())
                    .as("round %d (seed %d): version of %s", round, seed, thing)
                    .isGreaterThanOrEqualTo(acknowledgedThing.getValue())
                    .isGreaterThanOrEqualTo(seenVersion.getOrDefault(thing, 0L));
            assertThat(shadow.path("state").path("reported").path("seq").asLong())
                    .as("round %d (seed %d): last acknowledged update of %s", round, seed, thing)
                    .isGreaterThanOrEqualTo(acknowledgedSequence.get(thing));
            seenVersion.merge(thing, shadow.path("version").asLong(), Math::max);
        }
    }

    private int missingShadows() {
        return (int) java.util.stream.IntStream.range(0, THINGS)
                .filter(i -> !acknowledgedVersion.containsKey("crash-thing-" + i)
                        && !fetched.containsKey("crash-thing-" + i))
                .count();
    }

    private MqttAsyncClient connect(int port) throws MqttException {
        MqttAsyncClient client =
                new MqttAsyncClient("tcp://127.0.0.1:" + port, "crash-test-load", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(5000);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe("$aws/things/+/shadow/update/+", 0, (topic, message) -> answered(topic, message.getPayload()))
                .waitForCompletion(10_000);
        client.subscribe(
                        "$aws/things/+/shadow/get/accepted",
                        0,
                        (topic, message) -> fetched.put(thingOf(topic), JSON.readTree(message.getPayload())))
                .waitForCompletion(10_000);
        return client;
    }

    private void answered(String topic, byte[] payload) throws IOException {
        if (topic.endsWith("/accepted")) {
            JsonNode accepted = JSON.readTree(payload);
            String thing = thingOf(topic);
            long version = accepted.path("version").asLong();
            if (version <= seenVersion.getOrDefault(thing, 0L)) {
                wentBack.add(thing + " accepted version " + version + " after " + seenVersion.get(thing));
            }
            acknowledgedVersion.merge(thing, version, Math::max);
            acknowledgedSequence.merge(
                    thing, accepted.path("state").path("reported").path("seq").asLong(), Math::max);
            seenVersion.merge(thing, version, Math::max);
            acknowledged.incrementAndGet();
        } else if (topic.endsWith("/rejected")) {
            JsonNode rejection = JSON.readTree(payload);
            // 429 is the shadow's per-thing limit (10 in flight) answering a machine too busy to commit in time:
            // a proper answer that a device retries, not a loss; anything else is a refusal this test rules out
            if (rejection.path("code").asInt() == 429) {
                throttled.incrementAndGet();
            } else {
                refused.incrementAndGet();
                refusals.add(thingOf(topic) + ": " + rejection);
            }
        }
    }

    private static String thingOf(String topic) {
        return topic.split("/")[2];
    }
}
