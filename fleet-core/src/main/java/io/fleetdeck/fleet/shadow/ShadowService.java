package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device Shadows, classic and named, over MQTT exactly as AWS IoT Core serves them (AWS-IOT-BEHAVIOUR §1): update, get
 * and delete on {@code $aws/things/<thing>/shadow[/name/<shadow>]/...}, answered on accepted/rejected, with
 * update/delta and update/documents after each accepted update. An update is published as accepted only after it is
 * committed to the store. Requests are handled one at a time, which is what optimistic locking needs.
 */
public final class ShadowService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowService.class);
    private static final Pattern TOPIC =
            Pattern.compile("\\$aws/things/([^/]+)/shadow(?:/name/([^/]+))?/(update|get|delete)");
    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");
    private static final Duration VERSION_MEMORY = Duration.ofHours(48);

    private final MqttChannel channel;
    private final ShadowStore store;
    private final Clock clock;
    private final List<MqttChannel.Subscription> subscriptions;

    private ShadowService(MqttChannel channel, ShadowStore store, Clock clock) {
        this.channel = channel;
        this.store = store;
        this.clock = clock;
        this.subscriptions = List.of(
                channel.subscribe("$aws/things/+/shadow/+", this::onRequest),
                channel.subscribe("$aws/things/+/shadow/name/+/+", this::onRequest));
    }

    /** Serves shadows on {@code channel}, keeping {@code historyVersions} versions of each for diagnosis. */
    public static ShadowService start(MqttChannel channel, Database database, Clock clock, int historyVersions) {
        return new ShadowService(channel, new ShadowStore(database, historyVersions), clock);
    }

    private void onRequest(PublishedMessage request) {
        Matcher topic = TOPIC.matcher(request.topic());
        if (!topic.matches()) {
            return;
        }
        String thing = topic.group(1);
        String shadow = topic.group(2) == null ? "" : topic.group(2);
        String prefix = request.topic().substring(0, request.topic().lastIndexOf('/'));
        String operation = topic.group(3);
        synchronized (this) {
            handle(thing, shadow, prefix, operation, request.payload());
        }
    }

    private void handle(String thing, String shadow, String prefix, String operation, byte[] payload) {
        String clientToken = null;
        try {
            checkNames(thing, shadow);
            switch (operation) {
                case "update" -> {
                    UpdateRequest update = UpdateRequest.parse(payload);
                    clientToken = update.clientToken();
                    update(thing, shadow, prefix, update);
                }
                case "get" -> {
                    clientToken = UpdateRequest.clientTokenOf(payload);
                    publish(prefix + "/get/accepted", ShadowResponses.get(existing(thing, shadow), clientToken));
                }
                default -> {
                    clientToken = UpdateRequest.clientTokenOf(payload);
                    ShadowState deleted = existing(thing, shadow);
                    long now = clock.instant().getEpochSecond();
                    store.markDeleted(thing, shadow, now);
                    publish(prefix + "/delete/accepted", ShadowResponses.deleted(deleted.version(), now, clientToken));
                }
            }
        } catch (ShadowException e) {
            publish(
                    prefix + "/" + operation + "/rejected",
                    ShadowResponses.error(e, clock.instant().getEpochSecond(), clientToken));
        } catch (RuntimeException e) {
            log.error("Shadow {} of {}: {} failed", shadow.isEmpty() ? "(classic)" : shadow, thing, operation, e);
            publish(
                    prefix + "/" + operation + "/rejected",
                    ShadowResponses.error(
                            new ShadowException(500, "Internal service failure"),
                            clock.instant().getEpochSecond(),
                            clientToken));
        }
    }

    private void update(String thing, String shadow, String prefix, UpdateRequest request) throws ShadowException {
        long now = clock.instant().getEpochSecond();
        Optional<ShadowStore.Stored> stored = store.find(thing, shadow);
        ShadowState current = stored.filter(s -> s.deletedAt() == null)
                .map(ShadowStore.Stored::state)
                .orElse(null);
        long lastVersion = stored.filter(s -> s.deletedAt() != null && now - s.deletedAt() < VERSION_MEMORY.toSeconds())
                .map(s -> s.state().version())
                .orElse(0L);
        ShadowState after = ShadowEngine.apply(current, lastVersion, request, now);
        ShadowState before = current == null ? ShadowState.empty(lastVersion) : current;
        ObjectNode documents = ShadowResponses.documents(before, after, request.clientToken());
        store.save(thing, shadow, after, documents.path("current").toString());
        publish(prefix + "/update/accepted", ShadowResponses.accepted(request, after));
        ObjectNode delta = ShadowEngine.delta(after.desired(), after.reported());
        if (delta != null) {
            publish(prefix + "/update/delta", ShadowResponses.delta(delta, after, request.clientToken()));
        }
        publish(prefix + "/update/documents", documents);
    }

    private ShadowState existing(String thing, String shadow) throws ShadowException {
        return store.find(thing, shadow)
                .filter(stored -> stored.deletedAt() == null)
                .map(ShadowStore.Stored::state)
                .orElseThrow(() -> new ShadowException(
                        404, "No shadow exists with name: '" + (shadow.isEmpty() ? thing : shadow) + "'"));
    }

    private static void checkNames(String thing, String shadow) throws ShadowException {
        if (!THING_NAME.matcher(thing).matches()) {
            throw new ShadowException(400, "Invalid thing name");
        }
        if (!shadow.isEmpty() && !SHADOW_NAME.matcher(shadow).matches()) {
            throw new ShadowException(400, "Invalid shadow name");
        }
    }

    private void publish(String topic, ObjectNode document) {
        channel.publish(topic, document.toString().getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** How many versions of a shadow are kept for diagnosis. */
    public int historySize(String thing, String shadow) {
        return store.historySize(thing, shadow);
    }

    @Override
    public void close() {
        subscriptions.forEach(MqttChannel.Subscription::close);
    }
}
