package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs commands of the real {@code fleetdeck}, and a device that runs its jobs with the mosquitto clients and its
 * own certificate against {@code serve}: jobs created on the data folder survive a restart of {@code serve}, the device
 * starts the next one, hears the one after on {@code jobs/notify-next} as it reports success, and {@code job describe}
 * counts what it did.
 */
class JobsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("fleetdeck ready mqtts=(127\\.0\\.0\\.1):(\\d+) .*");
    private static final String JOBS = "$aws/things/lamp-1/jobs/";

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void aDeviceWithTheMosquittoClientsRunsJobsCreatedBeforeServeRestarted() throws Exception {
        Path files = temp.resolve("lamp-1");
        try (FleetdeckProcess add = run("device", "add", "lamp-1", "--out", files.toString())) {
            assertThat(add.awaitExit()).as("stderr %s", add.stderr()).isZero();
        }
        Path reboot = Files.writeString(temp.resolve("reboot.json"), "{\"operation\":\"reboot\"}");
        Path update = Files.writeString(temp.resolve("update.json"), "{\"operation\":\"update\",\"version\":\"2\"}");
        try (FleetdeckProcess created =
                run("job", "create", "reboot-1", "--document", reboot.toString(), "--thing", "lamp-1")) {
            assertThat(created.awaitExit()).as("stderr %s", created.stderr()).isZero();
            assertThat(created.stdout()).containsExactly("job reboot-1 created: 1 execution queued");
        }
        try (FleetdeckProcess created = run(
                "job",
                "create",
                "update-2",
                "--document",
                update.toString(),
                "--thing",
                "lamp-1",
                "--timeout-minutes",
                "30")) {
            assertThat(created.awaitExit()).as("stderr %s", created.stderr()).isZero();
        }

        // a restart of serve in between: the executions are in the store, not in memory
        try (FleetdeckProcess serve = serve()) {
            serve.awaitStdoutLine("fleetdeck ready");
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
        try (FleetdeckProcess serve = serve()) {
            Matcher ready = READY.matcher(serve.awaitStdoutLine("fleetdeck ready"));
            assertThat(ready.matches()).isTrue();
            int port = Integer.parseInt(ready.group(2));

            JsonNode started = request(files, port, "start-next", "start-next/accepted", "{\"clientToken\":\"s1\"}");
            assertThat(started.path("clientToken").asText()).isEqualTo("s1");
            assertThat(started.path("execution").path("jobId").asText()).isEqualTo("reboot-1");
            assertThat(started.path("execution").path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(started.path("execution").path("versionNumber").asLong()).isEqualTo(2);
            assertThat(started.path("execution")
                            .path("jobDocument")
                            .path("operation")
                            .asText())
                    .isEqualTo("reboot");

            // The answer (reboot-1/update/accepted) reaches the requester unasked and the notification goes out
            // right after it, on another topic: a client sees them in either order, and mosquitto_rr speaking
            // MQTT 3.1.1 prints whichever comes first. Either says the update went through; the pending list then
            // says what is next.
            JsonNode succeeded = request(
                    files, port, "reboot-1/update", "notify-next", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":2}");
            assertThat(succeeded.path("timestamp").isIntegralNumber())
                    .as("%s", succeeded)
                    .isTrue();
            if (succeeded.has("execution")) {
                assertThat(succeeded.path("execution").path("jobId").asText()).isEqualTo("update-2");
            }
            JsonNode next = request(files, port, "$next/get", "$next/get/accepted", "{\"includeJobDocument\":true}");
            assertThat(next.path("execution").path("jobId").asText())
                    .as("%s", next)
                    .isEqualTo("update-2");
            assertThat(next.path("execution").path("status").asText()).isEqualTo("QUEUED");
            assertThat(next.path("execution")
                            .path("jobDocument")
                            .path("version")
                            .asText())
                    .isEqualTo("2");

            JsonNode failed = request(files, port, "update-2/update", "notify-next", "{\"status\":\"FAILED\"}");
            assertThat(failed.has("execution"))
                    .as("nothing is pending any more: %s", failed)
                    .isFalse();
            assertThat(failed.path("timestamp").isIntegralNumber()).isTrue();
            JsonNode nothing = request(files, port, "get", "get/accepted", "{}");
            assertThat(nothing.path("inProgressJobs")).as("%s", nothing).isEmpty();
            assertThat(nothing.path("queuedJobs")).as("%s", nothing).isEmpty();

            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }

        assertThat(describe("reboot-1").path("job").path("status").asText()).isEqualTo("COMPLETED");
        JsonNode counts = describe("reboot-1").path("job").path("jobProcessDetails");
        assertThat(counts.path("numberOfSucceededThings").asLong()).isEqualTo(1);
        assertThat(counts.path("numberOfQueuedThings").asLong()).isZero();
        JsonNode failed = describe("update-2").path("job");
        assertThat(failed.path("jobProcessDetails").path("numberOfFailedThings").asLong())
                .isEqualTo(1);
        assertThat(failed.path("timeoutConfig")
                        .path("inProgressTimeoutInMinutes")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    void cancelAndBadInputSayWhatHappened() throws Exception {
        try (FleetdeckProcess thing = run("thing", "create", "lamp-2")) {
            assertThat(thing.awaitExit()).as("stderr %s", thing.stderr()).isZero();
        }
        Path reboot = Files.writeString(temp.resolve("reboot.json"), "{\"operation\":\"reboot\"}");
        Path big = Files.writeString(temp.resolve("big.json"), "{\"blob\":\"" + "x".repeat(40_000) + "\"}");
        try (FleetdeckProcess tooBig =
                run("job", "create", "big-1", "--document", big.toString(), "--thing", "lamp-2")) {
            assertThat(tooBig.awaitExit()).isEqualTo(2);
            assertThat(tooBig.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: LimitExceededException: The job document is 40011 bytes")
                    .contains("32768");
        }
        try (FleetdeckProcess missing = run(
                "job", "create", "r-1", "--document", temp.resolve("nope.json").toString(), "--thing", "lamp-2")) {
            assertThat(missing.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", missing.stderr()))
                    .contains("job document")
                    .contains("nope.json");
        }
        try (FleetdeckProcess unknown =
                run("job", "create", "r-1", "--document", reboot.toString(), "--thing", "lamp-9")) {
            assertThat(unknown.awaitExit()).isEqualTo(2);
            assertThat(unknown.stderr())
                    .containsExactly("fleetdeck: ResourceNotFoundException: Thing lamp-9 does not exist");
        }
        try (FleetdeckProcess created =
                run("job", "create", "r-1", "--document", reboot.toString(), "--thing", "lamp-2")) {
            assertThat(created.awaitExit()).as("stderr %s", created.stderr()).isZero();
        }
        try (FleetdeckProcess canceled = run("job", "cancel", "r-1")) {
            assertThat(canceled.awaitExit()).as("stderr %s", canceled.stderr()).isZero();
            assertThat(canceled.stdout())
                    .containsExactly("job r-1 canceled: 1 executions canceled, 0 still in progress");
        }
        assertThat(describe("r-1")
                        .path("job")
                        .path("jobProcessDetails")
                        .path("numberOfCanceledThings")
                        .asLong())
                .isEqualTo(1);
        try (FleetdeckProcess again = run("job", "cancel", "r-1", "--force")) {
            assertThat(again.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", again.stderr())).contains("CANCELED");
        }
    }

    private FleetdeckProcess serve() throws Exception {
        return FleetdeckProcess.start(
                "serve", "--data-dir", temp.resolve("data").toString(), "--mqtts-port", "0", "--mqtt-port", "0");
    }

    private JsonNode describe(String jobId) throws Exception {
        try (FleetdeckProcess describe = run("job", "describe", jobId)) {
            assertThat(describe.awaitExit()).as("stderr %s", describe.stderr()).isZero();
            return JSON.readTree(String.join("\n", describe.stdout()));
        }
    }

    /**
     * Publishes a request as the device and returns the first message on {@code answer}: mosquitto_rr subscribes, then
     * publishes, in one connection, as the device's policy allows only one client id.
     */
    private static JsonNode request(Path files, int port, String api, String answer, String payload) throws Exception {
        Process rr = new ProcessBuilder(List.of(
                        "mosquitto_rr",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "--cafile",
                        files.resolve("root-ca.pem").toString(),
                        "--cert",
                        files.resolve("lamp-1.cert.pem").toString(),
                        "--key",
                        files.resolve("lamp-1.private.key").toString(),
                        "-i",
                        "lamp-1",
                        "-q",
                        "1",
                        // MQTT 3.1.1: mosquitto_rr then waits for a message on the response topic itself, printing
                        // what comes before it (the service's answer reaches the requester whether it subscribed or
                        // not)
                        "-V",
                        "311",
                        "-W",
                        "20",
                        "-t",
                        JOBS + api,
                        "-e",
                        JOBS + answer,
                        "-m",
                        payload))
                .redirectErrorStream(true)
                .start();
        assertThat(rr.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(rr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(rr.exitValue()).as(output).isZero();
        return JSON.readTree(output.lines().reduce((first, second) -> second).orElseThrow());
    }
}
