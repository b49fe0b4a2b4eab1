package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.DataFolderSpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 6: on a full disk (a real one: a small tmpfs filled to the last byte) reading goes on, changes are
 * refused with AWS's 500 and a line that says why, and they are taken again as soon as space is freed. Before the fix
 * every command and {@code serve} failed at start with "cannot lock data folder: No space left on device".
 */
class FullDiskIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path disk;
    private Path data;

    @BeforeEach
    void aSmallDisk() throws Exception {
        disk = Disk.tmpfs(temp.resolve("disk"), 24);
        data = disk.resolve("data");
    }

    private void aFleet() throws Exception {
        assertSucceeds(FleetdeckProcess.runOn(data, "thing", "create", "pump-7"));
        assertSucceeds(FleetdeckProcess.runOn(data, "group", "create", "pumps"));
        assertSucceeds(FleetdeckProcess.runOn(data, "group", "add", "pumps", "pump-7"));
        assertSucceeds(FleetdeckProcess.runOn(
                data, "shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"temperature\":21.5}}}"));
        assertSucceeds(FleetdeckProcess.runOn(data, "search", "thingName:pump-7"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            Disk.unmount(disk);
        }
    }

    @Test
    void readingCommandsWorkOnAFullDiskAndChangesAreRefusedSayingWhy() throws Exception {
        aFleet();
        Disk.fill(disk);

        FleetdeckProcess get = FleetdeckProcess.runOn(data, "shadow", "get", "pump-7");
        assertSucceeds(get);
        assertThat(JSON.readTree(get.stdout().getFirst())
                        .at("/state/reported/temperature")
                        .asDouble())
                .isEqualTo(21.5);
        assertThat(FleetdeckProcess.runOn(data, "search", "shadow.reported.temperature>20")
                        .stdout())
                .containsExactly("pump-7");
        assertThat(FleetdeckProcess.runOn(data, "group", "members", "pumps").stdout())
                .containsExactly("pump-7");
        FleetdeckProcess stats =
                FleetdeckProcess.runOn(data, "stats", "thingName:pump*", "shadow.reported.temperature");
        assertSucceeds(stats);
        assertThat(JSON.readTree(String.join("", stats.stdout()))
                        .path("statistics")
                        .path("count")
                        .asInt())
                .isEqualTo(1);

        String full = "no space left on the disk of data folder " + data.toRealPath() + "; free some to make changes";
        FleetdeckProcess create = FleetdeckProcess.runOn(data, "thing", "create", "pump-8");
        assertThat(create.awaitExit()).isEqualTo(2);
        assertThat(create.stderr()).last().isEqualTo("fleetdeck: " + full);
        FleetdeckProcess update = FleetdeckProcess.runOn(
                data, "shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"temperature\":30}}}");
        assertThat(update.awaitExit()).isEqualTo(2);
        assertThat(update.stderr()).last().isEqualTo("fleetdeck: 500 Internal service failure (" + full + ")");

        Disk.free(disk);
        assertSucceeds(FleetdeckProcess.runOn(data, "thing", "create", "pump-8"));
        assertThat(FleetdeckProcess.runOn(data, "search", "thingName:pump*").stdout())
                .containsExactly("pump-7", "pump-8");
    }

    @Test
    void serveStartsOnAFullDiskRefusesChangesWith500AndTakesThemAgainOnceSpaceIsFreed() throws Exception {
        assertSucceeds(FleetdeckProcess.runOn(
                data, "shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"temperature\":21.5}}}"));
        Disk.fill(disk);
        int port = FleetdeckProcess.freePort();
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", data.toString(), "--mqtts-port", "0", "--mqtt-port", Integer.toString(port))) {
            serve.awaitStdoutLine("fleetdeck ready");
            // a few KB come free as the start tidies up (a leftover temporary file, the index it cannot keep)
            assertThat(serve.awaitStderrLineContaining("DataFolderSpace"))
                    .containsPattern("The disk of data folder " + data.toRealPath() + " is full \\(\\d+ bytes free\\):"
                            + " changes are refused \\(500\\) until space is freed; reading goes on");
            Answers answers = new Answers(port);

            JsonNode refused = answers.update("{\"state\":{\"reported\":{\"temperature\":30}},\"clientToken\":\"a\"}");
            assertThat(refused.get("topic").asText()).isEqualTo("$aws/things/pump-7/shadow/update/rejected");
            assertThat(refused.path("payload").path("code").asInt()).isEqualTo(500);
            assertThat(refused.path("payload").path("message").asText()).isEqualTo("Internal service failure");
            assertThat(refused.path("payload").path("clientToken").asText()).isEqualTo("a");
            JsonNode read = answers.get();
            assertThat(read.get("topic").asText()).isEqualTo("$aws/things/pump-7/shadow/get/accepted");
            assertThat(read.at("/payload/state/reported/temperature").asDouble())
                    .isEqualTo(21.5);

            Disk.free(disk);
            serve.awaitStderrLineContaining("Space is back on the disk of data folder " + data.toRealPath());
            JsonNode accepted = answers.update("{\"state\":{\"reported\":{\"temperature\":31}},\"clientToken\":\"b\"}");
            assertThat(accepted.get("topic").asText()).isEqualTo("$aws/things/pump-7/shadow/update/accepted");
            assertThat(accepted.path("payload").path("version").asLong()).isEqualTo(2);

            Disk.fill(disk);
            await("the disk full again, in the log")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> serve.stderr().stream()
                                    .filter(l -> l.contains("is full (0 bytes free)"))
                                    .count()
                            == 2);
            JsonNode refusedAgain =
                    answers.update("{\"state\":{\"reported\":{\"temperature\":32}},\"clientToken\":\"c\"}");
            assertThat(refusedAgain.path("payload").path("code").asInt()).isEqualTo(500);
            assertThat(answers.get().at("/payload/version").asLong())
                    .as("nothing refused was kept")
                    .isEqualTo(2);
            answers.close();
        }
        Disk.free(disk);
    }

    /** What the console's status bar follows: the folder's space turns full and back, told to its listeners. */
    @Test
    void theStatusBarsFeedHearsTheDiskTurnFullAndBack() throws Exception {
        DataFolder folder = DataFolder.open(data);
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        try (DataFolderSpace space = DataFolderSpace.of(folder)) {
            space.onChange(heard::add);
            space.watch();
            assertThat(space.refusal()).isNull();
            Disk.fill(disk);
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.equals(List.of(true)));
            assertThat(space.refusal()).contains("no space left on the disk of data folder " + folder);
            Disk.free(disk);
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.equals(List.of(true, false)));
            assertThat(space.refusal()).isNull();
        }
    }

    private static int lastLineContaining(FleetdeckProcess process, String text) {
        List<String> lines = List.copyOf(process.stderr());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertSucceeds(FleetdeckProcess command) throws InterruptedException {
        assertThat(command.awaitExit())
                .as("exit code; stderr: %s", command.stderr())
                .isZero();
    }

    /** A tool on the plain listener that updates and reads pump-7's shadow and waits for each answer. */
    private static final class Answers implements AutoCloseable {

        private final MqttAsyncClient client;
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

        Answers(int port) throws Exception {
            client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "full-disk-test", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            client.connect(options).waitForCompletion(10_000);
            client.subscribe(
                            "$aws/things/pump-7/shadow/+/+",
                            1,
                            (topic, message) -> received.add(JSON.createObjectNode()
                                    .put("topic", topic)
                                    .set("payload", JSON.readTree(message.getPayload()))))
                    .waitForCompletion(10_000);
        }

        JsonNode update(String document) throws Exception {
            return ask("update", document);
        }

        JsonNode get() throws Exception {
            return ask("get", "");
        }

        private JsonNode ask(String what, String payload) throws Exception {
            received.clear();
            client.publish("$aws/things/pump-7/shadow/" + what, payload.getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(10_000);
            JsonNode answer = received.poll(15, TimeUnit.SECONDS);
            assertThat(answer).as("an answer to %s", what).isNotNull();
            return answer;
        }

        @Override
        public void close() throws Exception {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }
}
