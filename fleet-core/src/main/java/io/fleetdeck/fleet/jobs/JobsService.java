package io.fleetdeck.fleet.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jobs device API over MQTT exactly as AWS IoT Core serves it (AWS-IOT-BEHAVIOUR §2.1): get, start-next,
 * {@code <jobId>/get} and {@code <jobId>/update} (with {@code $next}) under {@code $aws/things/<thing>/jobs/}, answered
 * on accepted/rejected to the requesting client only, after the change is committed; then {@code jobs/notify} and
 * {@code jobs/notify-next} when the thing's pending list or next execution changed (§2.6).
 *
 * <p>Requests are taken on the channel's delivery thread, in the order published; the timers are checked on
 * {@code jobs-timers}.
 */
public final class JobsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobsService.class);
    private static final Pattern TOPIC = Pattern.compile("\\$aws/things/([^/]+)/jobs/(.+)");
    private static final Pattern JOB_API = Pattern.compile("([a-zA-Z0-9_-]{1,64}|\\$next)/(get|update)");
    /** How often timed-out executions are looked for: AWS itself may fire up to a minute late (§2.3). */
    public static final Duration TIMER_INTERVAL = Duration.ofSeconds(10);

    private final MqttChannel channel;
    private final Jobs jobs;
    private final Clock clock;
    private final MqttChannel.Subscription subscription;
    private final @Nullable ScheduledExecutorService timers;
    private final boolean notifyOnStatusChange;

    private JobsService(MqttChannel channel, Jobs jobs, Clock clock, boolean runTimers, boolean notifyOnStatusChange) {
        this.notifyOnStatusChange = notifyOnStatusChange;
        this.channel = channel;
        this.jobs = jobs;
        this.clock = clock;
        this.subscription = channel.subscribe("$aws/things/+/jobs/#", this::onRequest);
        if (runTimers) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("jobs-timers").daemon().factory());
            long every = TIMER_INTERVAL.toMillis();
            scheduler.scheduleWithFixedDelay(this::timeOutOverdue, every, every, TimeUnit.MILLISECONDS);
            this.timers = scheduler;
        } else {
            this.timers = null;
        }
    }

    /** Serves {@code jobs}' device API on {@code channel}, and times out overdue executions every 10 seconds. */
    public static JobsService start(MqttChannel channel, Jobs jobs, Clock clock) {
        return new JobsService(channel, jobs, clock, true, false);
    }

    /** Serves the device API with no timer thread: the caller runs {@link #timeOutOverdue()} (tests, on their clock). */
    public static JobsService startWithoutTimers(MqttChannel channel, Jobs jobs, Clock clock) {
        return new JobsService(channel, jobs, clock, false, false);
    }

    /**
     * As {@link #startWithoutTimers}, and {@code jobs/notify} also when a pending execution only changes status: the
     * reading of one AWS bullet list, against AWS's worked example that the default follows (AWS-IOT-BEHAVIOUR §2.6).
     */
    public static JobsService startNotifyingStatusChanges(MqttChannel channel, Jobs jobs, Clock clock) {
        return new JobsService(channel, jobs, clock, false, true);
    }

    /** Times out the executions whose timer ran out, and tells their things (§2.7.4). */
    public void timeOutOverdue() {
        try {
            announce(jobs.timeOutOverdue());
        } catch (RuntimeException e) {
            log.warn("Timing out overdue job executions failed; trying again in {}", TIMER_INTERVAL, e);
        }
    }

    /** Tells the things whose pending executions an operator's change altered (§2.6). */
    public void announce(List<PendingChange> changes) {
        long now = now();
        for (PendingChange change : changes) {
            String prefix = "$aws/things/" + change.thing() + "/jobs/";
            if (change.listChanged() || (notifyOnStatusChange && change.statusChanged())) {
                publish(prefix + "notify", JobMessages.notify(change.pending(), now));
            }
            if (change.nextChanged()) {
                publish(prefix + "notify-next", JobMessages.notifyNext(change, now));
            }
        }
    }

    private void onRequest(PublishedMessage request) {
        String client = request.senderClientId();
        Matcher topic = TOPIC.matcher(request.topic());
        // the service's own messages and the answers and notifications devices receive are not requests
        if (client == null || !topic.matches() || isAnswerOrNotification(topic.group(2))) {
            return;
        }
        String thing = topic.group(1);
        String api = topic.group(2);
        String clientToken = JobRequest.clientTokenOf(request.payload());
        try {
            answer(client, request.topic(), thing, api, request.payload());
        } catch (JobsException refused) {
            reply(client, request.topic() + "/rejected", JobMessages.rejected(refused, clientToken, now()));
        } catch (RuntimeException e) {
            log.error("Jobs request on {} failed", request.topic(), e);
            JobsException internal = new JobsException(JobError.INTERNAL_ERROR, "Internal service failure");
            reply(client, request.topic() + "/rejected", JobMessages.rejected(internal, clientToken, now()));
        }
    }

    private static boolean isAnswerOrNotification(String api) {
        return api.endsWith("/accepted")
                || api.endsWith("/rejected")
                || api.equals("notify")
                || api.equals("notify-next");
    }

    private void answer(String client, String topic, String thing, String api, byte[] payload) throws JobsException {
        Matcher jobApi = JOB_API.matcher(api);
        if (!api.equals("get") && !api.equals("start-next") && !jobApi.matches()) {
            throw new JobsException(JobError.INVALID_TOPIC, "The topic " + topic + " is not a jobs API");
        }
        JobRequest request = JobRequest.read(payload);
        String clientToken = request.clientToken();
        ObjectNode accepted;
        List<PendingChange> changes = List.of();
        if (api.equals("get")) {
            accepted = JobMessages.pending(jobs.pending(thing), clientToken, now());
        } else if (api.equals("start-next")) {
            Jobs.Changed started = jobs.startNext(thing, request.statusDetails(), request.stepTimeoutInMinutes());
            accepted = withExecution(started, true, clientToken);
            changes = started.changes();
        } else if (jobApi.group(2).equals("get")) {
            Jobs.Changed described = jobs.describe(thing, jobApi.group(1), request.number("executionNumber"));
            accepted = withExecution(described, request.flag("includeJobDocument", true), clientToken);
        } else {
            JobExecutionStatus status = request.status();
            if (status == null) {
                throw new JobsException(JobError.INVALID_REQUEST, "status is required on every update");
            }
            JobUpdate update = new JobUpdate(
                    status,
                    request.statusDetails(),
                    request.number("expectedVersion"),
                    request.number("executionNumber"),
                    request.stepTimeoutInMinutes());
            boolean includeState = request.flag("includeJobExecutionState", false);
            boolean includeDocument = request.flag("includeJobDocument", false);
            Jobs.Changed updated = jobs.update(thing, jobApi.group(1), update);
            accepted = JobMessages.answer(clientToken, now());
            JobExecution execution = updated.execution();
            if (includeState && execution != null) {
                accepted.set("executionState", JobMessages.state(execution));
            }
            String document = updated.document();
            if (includeDocument && document != null) {
                accepted.set("jobDocument", JobMessages.document(document));
            }
            changes = updated.changes();
        }
        reply(client, topic + "/accepted", accepted);
        announce(changes);
    }

    /** An answer with {@code execution}; start-next with nothing pending simply leaves it out (§2.2). */
    private ObjectNode withExecution(Jobs.Changed changed, boolean includeDocument, @Nullable String clientToken) {
        ObjectNode answer = JobMessages.answer(clientToken, now());
        JobExecution execution = changed.execution();
        if (execution != null) {
            answer.set(
                    "execution", JobMessages.execution(execution, includeDocument ? changed.document() : null, now()));
        }
        return answer;
    }

    private void reply(String client, String topic, ObjectNode document) {
        channel.publishTo(client, topic, document.toString().getBytes(StandardCharsets.UTF_8), 1);
    }

    private void publish(String topic, ObjectNode document) {
        channel.publish(topic, document.toString().getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Stops taking requests and checking timers; a request being answered is finished first by the channel. */
    @Override
    public void close() {
        subscription.close();
        if (timers != null) {
            timers.shutdownNow();
        }
    }
}
