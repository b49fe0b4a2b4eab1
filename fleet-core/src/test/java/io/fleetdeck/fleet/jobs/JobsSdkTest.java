package io.fleetdeck.fleet.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.identity.MutualTlsBroker;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionSummary;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;

/**
 * A device written with AWS's IoT Device SDK v2 (1.30.1), unchanged, runs its jobs through the service with
 * {@code IotJobsClient}: it lists what is pending, starts the next job, and reports one SUCCEEDED and one FAILED — over
 * mutual TLS with its own certificate and the default device policy.
 */
class JobsSdkTest {

    private static final String THING = "thermostat-4";

    @TempDir
    Path folder;

    @Test
    void aDeviceOnAwsSdkRunsItsJobsToSuccessAndFailure() throws Exception {
        try (MutualTlsBroker running = MutualTlsBroker.start(folder, StoreKind.SQLITE)) {
            DeviceEnrollment enrollment = new DeviceEnrollment(running.identities, running.registry);
            enrollment.ensureDefaults(folder.resolve("provisioning"));
            IssuedCertificate device = enrollment.enrollDevice(THING, Map.of());
            TestClock clock = new TestClock(1_795_000_000L);
            Jobs jobs = new Jobs(running.database, clock, FleetEventSink.NONE);
            jobs.create(new NewJob(
                    "fw-1",
                    "{\"operation\":\"install\",\"version\":\"1.4.0\"}",
                    "",
                    List.of(THING),
                    List.of(THING),
                    null));
            clock.set(1_795_000_060L);
            jobs.create(new NewJob(
                    "fw-2",
                    "{\"operation\":\"install\",\"version\":\"1.5.0\"}",
                    "",
                    List.of(THING),
                    List.of(THING),
                    null));
            try (JobsService service = JobsService.startWithoutTimers(running.broker, jobs, clock);
                    AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(
                                    device.certificate().pem(), device.privateKeyPem())
                            .withCertificateAuthority(Files.readString(running.caFile()))
                            .withEndpoint("localhost")
                            .withPort(running.tlsPort())
                            .withClientId(THING)
                            .withCleanSession(true);
                    MqttClientConnection connection = builder.build()) {
                connection.connect().get(20, TimeUnit.SECONDS);
                IotJobsClient client = new IotJobsClient(connection);

                GetPendingJobExecutionsResponse pending = pending(client);
                assertThat(pending.inProgressJobs).isEmpty();
                assertThat(pending.queuedJobs)
                        .extracting(summary -> summary.jobId)
                        .containsExactly("fw-1", "fw-2");
                JobExecutionSummary first = pending.queuedJobs.getFirst();
                assertThat(first.versionNumber).isEqualTo(1);
                assertThat(first.executionNumber).isEqualTo(1L);
                assertThat(first.queuedAt.getTime()).isEqualTo(1_795_000_000_000L);

                StartNextJobExecutionResponse started = startNext(client);
                assertThat(started.execution.jobId).isEqualTo("fw-1");
                assertThat(started.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
                assertThat(started.execution.jobDocument).containsEntry("version", "1.4.0");
                assertThat(started.execution.versionNumber).isEqualTo(2);
                UpdateJobExecutionResponse succeeded = update(client, "fw-1", JobStatus.SUCCEEDED, 2);
                assertThat(succeeded.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(succeeded.executionState.versionNumber).isEqualTo(3);

                StartNextJobExecutionResponse second = startNext(client);
                assertThat(second.execution.jobId).isEqualTo("fw-2");
                UpdateJobExecutionResponse failed = update(client, "fw-2", JobStatus.FAILED, 2);
                assertThat(failed.executionState.status).isEqualTo(JobStatus.FAILED);
                assertThat(failed.executionState.statusDetails).containsEntry("reason", "checksum");

                assertThat(pending(client).queuedJobs).isEmpty();
                assertThat(jobs.execution("fw-1", THING).orElseThrow().status())
                        .isEqualTo(JobExecutionStatus.SUCCEEDED);
                assertThat(jobs.execution("fw-2", THING).orElseThrow().status()).isEqualTo(JobExecutionStatus.FAILED);
                connection.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static GetPendingJobExecutionsResponse pending(IotJobsClient client) throws Exception {
        CompletableFuture<GetPendingJobExecutionsResponse> answer = new CompletableFuture<>();
        GetPendingJobExecutionsSubscriptionRequest subscription = new GetPendingJobExecutionsSubscriptionRequest();
        subscription.thingName = THING;
        client.SubscribeToGetPendingJobExecutionsAccepted(
                        subscription, QualityOfService.AT_LEAST_ONCE, answer::complete)
                .get(10, TimeUnit.SECONDS);
        GetPendingJobExecutionsRequest request = new GetPendingJobExecutionsRequest();
        request.thingName = THING;
        client.PublishGetPendingJobExecutions(request, QualityOfService.AT_LEAST_ONCE)
                .get(10, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }

    private static StartNextJobExecutionResponse startNext(IotJobsClient client) throws Exception {
        CompletableFuture<StartNextJobExecutionResponse> answer = new CompletableFuture<>();
        StartNextPendingJobExecutionSubscriptionRequest subscription =
                new StartNextPendingJobExecutionSubscriptionRequest();
        subscription.thingName = THING;
        client.SubscribeToStartNextPendingJobExecutionAccepted(
                        subscription, QualityOfService.AT_LEAST_ONCE, answer::complete)
                .get(10, TimeUnit.SECONDS);
        StartNextPendingJobExecutionRequest request = new StartNextPendingJobExecutionRequest();
        request.thingName = THING;
        request.stepTimeoutInMinutes = 15L;
        client.PublishStartNextPendingJobExecution(request, QualityOfService.AT_LEAST_ONCE)
                .get(10, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }

    private static UpdateJobExecutionResponse update(IotJobsClient client, String jobId, JobStatus status, int version)
            throws Exception {
        CompletableFuture<UpdateJobExecutionResponse> answer = new CompletableFuture<>();
        UpdateJobExecutionSubscriptionRequest subscription = new UpdateJobExecutionSubscriptionRequest();
        subscription.thingName = THING;
        subscription.jobId = jobId;
        client.SubscribeToUpdateJobExecutionAccepted(subscription, QualityOfService.AT_LEAST_ONCE, answer::complete)
                .get(10, TimeUnit.SECONDS);
        UpdateJobExecutionRequest request = new UpdateJobExecutionRequest();
        request.thingName = THING;
        request.jobId = jobId;
        request.status = status;
        request.expectedVersion = version;
        request.includeJobExecutionState = true;
        request.statusDetails = new HashMap<>(Map.of("reason", status == JobStatus.FAILED ? "checksum" : "done"));
        client.PublishUpdateJobExecution(request, QualityOfService.AT_LEAST_ONCE)
                .get(10, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }
}
