package io.fleetdeck.fleet.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.identity.MutualTlsBroker;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Jobs vectors of AWS-IOT-BEHAVIOUR §10.2, and the rules of §2.1–2.6 around them, sent by a real MQTT client (Paho)
 * over mutual TLS with the thing's own certificate and the default device policy, to the jobs service on a real store.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class JobVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "$aws/things/lamp1/jobs/";
    private static final String DOCUMENT = "{\"operation\":\"test\"}";

    private final StoreKind store;

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(100);
    private MutualTlsBroker running;
    private Jobs jobs;
    private JobsService service;
    private MqttClient device;
    private final List<Message> seen = new CopyOnWriteArrayList<>();

    private record Message(String topic, JsonNode body) {}

    JobVectorsTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void start() throws Exception {
        running = MutualTlsBroker.start(folder, store);
        DeviceEnrollment enrollment = new DeviceEnrollment(running.identities, running.registry);
        enrollment.ensureDefaults(folder.resolve("provisioning"));
        IssuedCertificate lamp = enrollment.enrollDevice("lamp1", Map.of());
        jobs = new Jobs(running.database, clock, FleetEventSink.NONE);
        service = JobsService.startWithoutTimers(running.broker, jobs, clock);
        device = new MqttClient("ssl://localhost:" + running.tlsPort(), "lamp1", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls(lamp).getSocketFactory());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        device.connect(options);
        // the device hears its own requests too (it subscribed to #): only the service's messages are JSON for sure
        device.subscribe(JOBS + "#", 1, (topic, message) -> {
            if (topic.matches(".*/(accepted|rejected|notify|notify-next)$")) {
                seen.add(new Message(topic, JSON.readTree(message.getPayload())));
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (device.isConnected()) {
            device.disconnect();
        }
        device.close();
        service.close();
        running.close();
    }

    @Test
    void tvJ01PendingJobsAreListedOldestFirst() throws Exception {
        twoJobs();
        JsonNode accepted = answer("get", "{\"clientToken\":\"a\"}", "/accepted");
        assertThat(accepted.path("timestamp").isIntegralNumber()).isTrue();
        ((ObjectNode) accepted).remove("timestamp");
        assertThat(accepted)
                .isEqualTo(JSON.readTree("{\"inProgressJobs\":[],\"queuedJobs\":[{\"jobId\":\"j1\",\"queuedAt\":100,"
                        + "\"lastUpdatedAt\":100,\"versionNumber\":1,\"executionNumber\":1},{\"jobId\":\"j2\","
                        + "\"queuedAt\":200,\"lastUpdatedAt\":200,\"versionNumber\":1,\"executionNumber\":1}],"
                        + "\"clientToken\":\"a\"}"));
    }

    @Test
    void tvJ02StartNextStartsTheOldestQueuedJobWithoutNotifying() throws Exception {
        twoJobs();
        clock.set(300);
        JsonNode accepted = answer(
                "start-next",
                "{\"statusDetails\":{\"step\":\"download\"},\"stepTimeoutInMinutes\":5,\"clientToken\":\"b\"}",
                "/accepted");
        JsonNode execution = accepted.path("execution");
        assertThat(execution.path("jobId").asText()).isEqualTo("j1");
        assertThat(execution.path("thingName").asText()).isEqualTo("lamp1");
        assertThat(execution.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(execution.path("statusDetails")).isEqualTo(JSON.readTree("{\"step\":\"download\"}"));
        assertThat(execution.path("versionNumber").asLong()).isEqualTo(2);
        assertThat(execution.path("executionNumber").asLong()).isEqualTo(1);
        assertThat(execution.path("queuedAt").asLong()).isEqualTo(100);
        assertThat(execution.path("startedAt").asLong()).isEqualTo(300);
        assertThat(execution.path("lastUpdatedAt").asLong()).isEqualTo(300);
        assertThat(execution.path("approximateSecondsBeforeTimedOut").asLong()).isEqualTo(300);
        assertThat(execution.path("jobDocument")).isEqualTo(JSON.readTree(DOCUMENT));
        assertThat(accepted.path("clientToken").asText()).isEqualTo("b");
        assertThat(accepted.path("timestamp").asLong()).isEqualTo(300);
        // a later answer on the same connection: anything the start published has arrived before it
        answer("get", "{}", "/accepted");
        assertThat(topics()).doesNotContain(JOBS + "notify", JOBS + "notify-next");

        JsonNode again = answer("start-next", "{\"statusDetails\":{\"step\":\"other\"}}", "/accepted");
        assertThat(again.path("execution").path("versionNumber").asLong())
                .as("an execution already IN_PROGRESS is returned as it is")
                .isEqualTo(2);
        assertThat(again.path("execution").path("statusDetails")).isEqualTo(JSON.readTree("{\"step\":\"download\"}"));
    }

    @Test
    void tvJ03NextPrefersTheJobInProgress() throws Exception {
        twoJobs();
        answer("j2/update", "{\"status\":\"IN_PROGRESS\"}", "/accepted");
        JsonNode accepted = answer("$next/get", "{}", "/accepted");
        assertThat(accepted.path("execution").path("jobId").asText()).isEqualTo("j2");
        assertThat(accepted.path("execution").path("jobDocument"))
                .as("includeJobDocument defaults to true on describe")
                .isEqualTo(JSON.readTree(DOCUMENT));
        JsonNode withoutDocument = answer("j1/get", "{\"includeJobDocument\":false}", "/accepted");
        assertThat(withoutDocument.path("execution").has("jobDocument")).isFalse();
        assertThat(withoutDocument.path("execution").path("status").asText()).isEqualTo("QUEUED");
        assertThat(withoutDocument.path("execution").has("startedAt")).isFalse();
    }

    @Test
    void tvJ05ATerminalExecutionCannotChange() throws Exception {
        twoJobs();
        answer("start-next", "{}", "/accepted");
        answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"statusDetails\":{\"progress\":\"50%\"}}", "/accepted");
        answer("j1/update", "{\"status\":\"SUCCEEDED\"}", "/accepted");
        JsonNode rejected = answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"clientToken\":\"t5\"}", "/rejected");
        assertThat(rejected.path("code").asText()).isEqualTo("InvalidStateTransition");
        assertThat(rejected.path("clientToken").asText()).isEqualTo("t5");
        assertThat(rejected.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(rejected.path("executionState"))
                .isEqualTo(JSON.readTree(
                        "{\"status\":\"SUCCEEDED\",\"statusDetails\":{\"progress\":\"50%\"},\"versionNumber\":4}"));
    }

    @Test
    void tvJ06UnknownJobAndUnknownTopicAreRefused() throws Exception {
        twoJobs();
        JsonNode missing = answer("nope/get", "{\"clientToken\":\"n\"}", "/rejected");
        assertThat(missing.path("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(missing.path("clientToken").asText()).isEqualTo("n");
        assertThat(missing.has("executionState")).isFalse();
        JsonNode bogus = answer("j1/bogus", "{}", "/rejected");
        assertThat(bogus.path("code").asText()).isEqualTo("InvalidTopic");
    }

    @Test
    void tvJ07CompletionNotifiesThePendingListAndTheNextJob() throws Exception {
        twoJobs();
        answer("start-next", "{}", "/accepted");
        clock.set(400);
        answer("j1/update", "{\"status\":\"SUCCEEDED\"}", "/accepted");
        JsonNode notify = awaitMessage(JOBS + "notify");
        assertThat(notify)
                .isEqualTo(JSON.readTree("{\"timestamp\":400,\"jobs\":{\"QUEUED\":[{\"jobId\":\"j2\",\"queuedAt\":200,"
                        + "\"lastUpdatedAt\":200,\"versionNumber\":1,\"executionNumber\":1}]}}"));
        JsonNode next = awaitMessage(JOBS + "notify-next");
        assertThat(next)
                .isEqualTo(JSON.readTree("{\"timestamp\":400,\"execution\":{\"jobId\":\"j2\",\"thingName\":\"lamp1\","
                        + "\"jobDocument\":" + DOCUMENT + ",\"status\":\"QUEUED\",\"queuedAt\":200,"
                        + "\"lastUpdatedAt\":200,\"versionNumber\":1,\"executionNumber\":1}}"));
        seen.clear();
        clock.set(500);
        answer("j2/update", "{\"status\":\"REJECTED\"}", "/accepted");
        assertThat(awaitMessage(JOBS + "notify")).isEqualTo(JSON.readTree("{\"timestamp\":500,\"jobs\":{}}"));
        assertThat(awaitMessage(JOBS + "notify-next")).isEqualTo(JSON.readTree("{\"timestamp\":500}"));
        assertThat(jobs.job("j1").orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aNewJobIsAnnouncedToItsThing() throws Exception {
        clock.set(100);
        service.announce(jobs.create(job("j1")).changes());
        JsonNode notify = awaitMessage(JOBS + "notify");
        assertThat(notify.path("jobs").path("QUEUED").get(0).path("jobId").asText())
                .isEqualTo("j1");
        JsonNode next = awaitMessage(JOBS + "notify-next");
        assertThat(next.path("execution").path("jobDocument")).isEqualTo(JSON.readTree(DOCUMENT));
        seen.clear();
        clock.set(200);
        service.announce(jobs.create(job("j2")).changes());
        awaitMessage(JOBS + "notify");
        answer("get", "{}", "/accepted");
        assertThat(topics()).as("j1 is still next").doesNotContain(JOBS + "notify-next");
    }

    @Test
    void theSwitchForAwsOtherReadingNotifiesAStartedJob() throws Exception {
        service.close();
        service = JobsService.startNotifyingStatusChanges(running.broker, jobs, clock);
        twoJobs();
        clock.set(300);
        answer("start-next", "{}", "/accepted");
        JsonNode notify = awaitMessage(JOBS + "notify");
        assertThat(notify.path("jobs").path("IN_PROGRESS").get(0).path("jobId").asText())
                .isEqualTo("j1");
        assertThat(notify.path("jobs").path("QUEUED").get(0).path("jobId").asText())
                .isEqualTo("j2");
        assertThat(notify.path("timestamp").asLong()).isEqualTo(300);
    }

    @Test
    void anUpdateWithAStaleVersionIsAVersionMismatch() throws Exception {
        twoJobs();
        answer("start-next", "{}", "/accepted");
        JsonNode rejected = answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"1\"}", "/rejected");
        assertThat(rejected.path("code").asText()).isEqualTo("VersionMismatch");
        assertThat(rejected.path("executionState").path("versionNumber").asLong())
                .isEqualTo(2);
        assertThat(rejected.path("executionState").path("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode accepted = answer(
                "j1/update",
                "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"2\",\"includeJobExecutionState\":true,"
                        + "\"includeJobDocument\":true,\"clientToken\":\"v\"}",
                "/accepted");
        assertThat(accepted.path("executionState").path("versionNumber").asLong())
                .isEqualTo(3);
        assertThat(accepted.path("jobDocument")).isEqualTo(JSON.readTree(DOCUMENT));
        assertThat(accepted.path("clientToken").asText()).isEqualTo("v");
        JsonNode minimal = answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":3}", "/accepted");
        assertThat(minimal.has("executionState")).isFalse();
        assertThat(minimal.has("jobDocument")).isFalse();
    }

    @Test
    void badRequestsAreRefusedWithTheirCode() throws Exception {
        twoJobs();
        assertThat(answer("get", "not json", "/rejected").path("code").asText()).isEqualTo("InvalidJson");
        assertThat(answer("j1/update", "{\"statusDetails\":{}}", "/rejected")
                        .path("code")
                        .asText())
                .as("status is mandatory")
                .isEqualTo("InvalidRequest");
        assertThat(answer("j1/update", "{\"status\":\"CANCELED\"}", "/rejected")
                        .path("code")
                        .asText())
                .as("a status only the service sets")
                .isEqualTo("InvalidRequest");
        assertThat(answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"stepTimeoutInMinutes\":0}", "/rejected")
                        .path("code")
                        .asText())
                .isEqualTo("InvalidRequest");
        assertThat(answer("j1/update", "{\"status\":\"IN_PROGRESS\",\"statusDetails\":{\"a b\":\"x\"}}", "/rejected")
                        .path("code")
                        .asText())
                .isEqualTo("InvalidRequest");
        assertThat(jobs.execution("j1", "lamp1").orElseThrow().versionNumber())
                .as("a refused update changes nothing")
                .isEqualTo(1);
    }

    @Test
    void anExecutionWhoseStepTimerRunsOutTimesOut() throws Exception {
        twoJobs();
        clock.set(1000);
        answer("start-next", "{\"stepTimeoutInMinutes\":5}", "/accepted");
        clock.set(1299);
        service.timeOutOverdue();
        assertThat(jobs.execution("j1", "lamp1").orElseThrow().status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
        clock.set(1300);
        service.timeOutOverdue();
        assertThat(jobs.execution("j1", "lamp1").orElseThrow().status()).isEqualTo(JobExecutionStatus.TIMED_OUT);
        assertThat(awaitMessage(JOBS + "notify-next")
                        .path("execution")
                        .path("jobId")
                        .asText())
                .isEqualTo("j2");
        JsonNode next = answer("j2/update", "{\"status\":\"IN_PROGRESS\",\"stepTimeoutInMinutes\":5}", "/accepted");
        assertThat(next.has("executionState")).isFalse();
        answer("j2/update", "{\"status\":\"IN_PROGRESS\",\"stepTimeoutInMinutes\":-1}", "/accepted");
        clock.set(9999);
        service.timeOutOverdue();
        assertThat(jobs.execution("j2", "lamp1").orElseThrow().status())
                .as("-1 discarded the step timer")
                .isEqualTo(JobExecutionStatus.IN_PROGRESS);
    }

    @Test
    void aStepTimerNeverOutlivesTheJobsInProgressTimeout() throws Exception {
        clock.set(1000);
        jobs.create(new NewJob("j1", DOCUMENT, "", List.of("lamp1"), List.of("lamp1"), 1));
        JsonNode started = answer("start-next", "{\"stepTimeoutInMinutes\":10}", "/accepted");
        assertThat(started.path("execution")
                        .path("approximateSecondsBeforeTimedOut")
                        .asLong())
                .isEqualTo(60);
        clock.set(1030);
        JsonNode described = answer("j1/get", "{}", "/accepted");
        assertThat(described
                        .path("execution")
                        .path("approximateSecondsBeforeTimedOut")
                        .asLong())
                .isEqualTo(30);
        clock.set(1060);
        service.timeOutOverdue();
        JsonNode notify = awaitMessage(JOBS + "notify");
        assertThat(notify).isEqualTo(JSON.readTree("{\"timestamp\":1060,\"jobs\":{}}"));
        assertThat(jobs.execution("j1", "lamp1").orElseThrow().status()).isEqualTo(JobExecutionStatus.TIMED_OUT);
        assertThat(jobs.job("j1").orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        JsonNode late = answer("j1/update", "{\"status\":\"SUCCEEDED\"}", "/rejected");
        assertThat(late.path("code").asText()).isEqualTo("InvalidStateTransition");
        assertThat(late.path("executionState").path("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(answer("j1/get", "{}", "/rejected").path("code").asText()).isEqualTo("TerminalStateReached");
    }

    @Test
    void tvJ11CancelLeavesExecutionsInProgressUnlessForced() throws Exception {
        twoJobs();
        answer("start-next", "{}", "/accepted");
        service.announce(jobs.cancel("j1", false));
        assertThat(jobs.execution("j1", "lamp1").orElseThrow().status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
        assertThat(jobs.job("j1").orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
        service.announce(jobs.cancel("j2", true));
        assertThat(jobs.execution("j2", "lamp1").orElseThrow().status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(jobs.job("j2").orElseThrow().forceCanceled()).isTrue();
    }

    @Test
    void aCreatedJobIsStillQueuedAfterTheStoreIsOpenedAgain() throws Exception {
        twoJobs();
        device.disconnect();
        service.close();
        running.close();
        running = MutualTlsBroker.start(folder, store);
        Jobs reopened = new Jobs(running.database, clock, FleetEventSink.NONE);
        assertThat(reopened.pending("lamp1")).extracting(JobExecution::jobId).containsExactly("j1", "j2");
        assertThat(reopened.startNext("lamp1", null, null).execution().status())
                .isEqualTo(JobExecutionStatus.IN_PROGRESS);
        service = JobsService.startWithoutTimers(running.broker, reopened, clock);
    }

    private void twoJobs() throws JobsException {
        clock.set(100);
        jobs.create(job("j1"));
        clock.set(200);
        jobs.create(job("j2"));
    }

    private static NewJob job(String id) {
        return new NewJob(id, DOCUMENT, "", List.of("lamp1"), List.of("lamp1"), null);
    }

    private JsonNode answer(String api, String payload, String outcome) throws Exception {
        String topic = JOBS + api;
        int before = seen.size();
        device.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> seen.stream()
                        .skip(before)
                        .anyMatch(m -> m.topic().equals(topic + "/accepted")
                                || m.topic().equals(topic + "/rejected")));
        Message answer = seen.stream()
                .skip(before)
                .filter(m -> m.topic().equals(topic + "/accepted") || m.topic().equals(topic + "/rejected"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.topic()).as(answer.body().toString()).isEqualTo(topic + outcome);
        return answer.body();
    }

    private JsonNode awaitMessage(String topic) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> seen.stream().anyMatch(m -> m.topic().equals(topic)));
        return seen.stream()
                .filter(m -> m.topic().equals(topic))
                .findFirst()
                .orElseThrow()
                .body();
    }

    private List<String> topics() {
        return seen.stream().map(Message::topic).toList();
    }

    private SSLContext tls(IssuedCertificate issued) throws Exception {
        X509Certificate certificate = Pem.certificate(issued.certificate().pem());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
                "device", Pem.privateKey(issued.privateKeyPem()), new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", Pem.certificate(Files.readString(running.caFile())));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
