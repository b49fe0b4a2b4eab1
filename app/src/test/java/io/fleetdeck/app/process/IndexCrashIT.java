package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code serve} is killed with SIGKILL while its fleet index is being written (right after a burst of
 * shadow updates, which the index takes in the background and commits every 10 s). At the next start the index comes
 * back consistent with the store: a search finds exactly the things whose shadows the store holds as they are, and
 * none as they were before the burst.
 */
class IndexCrashIT {

    private static final int THINGS = 300;

    @TempDir
    Path temp;

    @Test
    void anIndexKilledWhileBeingWrittenComesBackConsistentWithTheStore() throws Exception {
        Path data = temp.resolve("data");
        List<String> things = IntStream.range(0, THINGS)
                .mapToObj(i -> String.format(Locale.ROOT, "idx-%03d", i))
                .toList();
        register(data, things);
        int port = FleetdeckProcess.freePort();

        try (FleetdeckProcess serve = startServe(data, port)) {
            updateAll(port, things, 1);
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
        try (FleetdeckProcess serve = startServe(data, port)) {
            updateAll(port, things, 2);
            serve.killHard(); // every update committed and answered; the index has them in memory at best
        }
        try (FleetdeckProcess serve = startServe(data, port)) {
            assertThat(serve.awaitStderrLineContaining("Fleet index rebuilt"))
                    .as("the index that was not closed cleanly is rebuilt from the store")
                    .contains("Fleet index rebuilt: " + THINGS + " things");
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }

        assertThat(FleetdeckProcess.runOn(data, "search", "shadow.reported.round:2")
                        .stdout())
                .as("things whose shadows the store holds at round 2")
                .containsExactlyElementsOf(things);
        assertThat(FleetdeckProcess.runOn(data, "search", "shadow.reported.round:1")
                        .stdout())
                .as("things still indexed as they were before the crash")
                .isEmpty();
    }

    /** The things, straight into a new data folder's store, as a seeding tool would. */
    private static void register(Path data, List<String> things) throws Exception {
        try (Database store = Database.sqliteFile(data.resolve("fleetdeck.db"))) {
            Registry registry = new Registry(store, Clock.systemUTC());
            for (String thing : things) {
                registry.createThing(thing, null, Map.of());
            }
        }
    }

    private static FleetdeckProcess startServe(Path data, int port) throws Exception {
        FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", data.toString(), "--mqtts-port", "0", "--mqtt-port", Integer.toString(port));
        serve.awaitStdoutLine("fleetdeck ready");
        return serve;
    }

    /** One update per thing, all at once; returns when every one is accepted. */
    private static void updateAll(int port, List<String> things, int round) throws Exception {
        MqttAsyncClient client =
                new MqttAsyncClient("tcp://127.0.0.1:" + port, "index-crash-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(THINGS * 2);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(10_000);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        client.subscribe("$aws/things/+/shadow/update/+", 1, (topic, message) -> {
                    if (topic.endsWith("/accepted")) {
                        accepted.incrementAndGet();
                    } else if (topic.endsWith("/rejected")) {
                        rejected.incrementAndGet();
                    }
                })
                .waitForCompletion(10_000);
        for (String thing : things) {
            String update = "{\"state\":{\"reported\":{\"round\":" + round + ",\"pad\":\"" + "x".repeat(200) + "\"}}}";
            client.publish(
                    "$aws/things/" + thing + "/shadow/update", update.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        await("round " + round + " accepted")
                .atMost(Duration.ofSeconds(30))
                .until(() -> accepted.get() + rejected.get() == things.size());
        assertThat(rejected.get()).as("updates rejected in round %d", round).isZero();
        client.disconnectForcibly(0, 0, false);
        client.close(true);
    }
}
