package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device Shadows over MQTT exactly as AWS IoT Core serves them (AWS-IOT-BEHAVIOUR §1): update, get and delete on
 * {@code $aws/things/<thing>/shadow[/name/<shadow>]/...}, answered on accepted/rejected, with update/delta and
 * update/documents after each accepted update. Operators' updates go through {@link #update} and publish the same
 * messages, so devices cannot tell them apart.
 */
public final class ShadowService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowService.class);
    private static final Pattern TOPIC =
            Pattern.compile("\\$aws/things/([^/]+)/shadow(?:/name/([^/]+))?/(update|get|delete)");

    private final MqttChannel channel;
    private final Shadows shadows;
    private final List<MqttChannel.Subscription> subscriptions;
    private final AutoCloseable owned;

    private ShadowService(MqttChannel channel, Shadows shadows, AutoCloseable owned) {
        this.channel = channel;
        this.shadows = shadows;
        this.owned = owned;
        this.subscriptions = List.of(
                channel.subscribe("$aws/things/+/shadow/+", this::onRequest),
                channel.subscribe("$aws/things/+/shadow/name/+/+", this::onRequest));
    }

    public static ShadowService start(MqttChannel channel, Shadows shadows) {
        return new ShadowService(channel, shadows, () -> {});
    }

    /** A service with shadows of its own, closed with it. */
    public static ShadowService start(MqttChannel channel, Database database, Clock clock, int history) {
        Shadows own = new Shadows(database, clock, history);
        return new ShadowService(channel, own, own);
    }

    /** An operator's update, with the same rules and errors as over MQTT and the same messages to devices. */
    public ObjectNode update(String thing, String shadow, String json) throws ShadowException {
        Shadows.Updated updated = shadows.update(thing, shadow, json.getBytes(StandardCharsets.UTF_8));
        publishUpdated(prefix(thing, shadow), updated);
        return updated.accepted();
    }

    public Shadows shadows() {
        return shadows;
    }

    private void onRequest(PublishedMessage request) {
        Matcher topic = TOPIC.matcher(request.topic());
        if (!topic.matches()) {
            return;
        }
        String thing = topic.group(1);
        String shadow = topic.group(2) == null ? "" : topic.group(2);
        String operation = topic.group(3);
        String prefix = prefix(thing, shadow);
        byte[] payload = request.payload();
        CompletableFuture<?> answer = switch (operation) {
            case "update" ->
                shadows.submitUpdate(thing, shadow, payload).thenAccept(updated -> publishUpdated(prefix, updated));
            case "get" ->
                shadows.submitGet(thing, shadow, payload)
                        .thenAccept(document -> publish(prefix + "/get/accepted", document));
            default ->
                shadows.submitDelete(thing, shadow, payload)
                        .thenAccept(document -> publish(prefix + "/delete/accepted", document));
        };
        answer.exceptionally(failure -> {
            publish(prefix + "/" + operation + "/rejected", shadows.error(refusal(failure, thing, operation), payload));
            return null;
        });
    }

    /** The refusal to send back: the service's own, or 500 for anything unexpected (logged, since it is a bug). */
    private static ShadowException refusal(Throwable failure, String thing, String operation) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof ShadowException refused) {
            return refused;
        }
        log.error("Shadow {} of {} failed", operation, thing, cause);
        return new ShadowException(500, "Internal service failure");
    }

    private void publishUpdated(String prefix, Shadows.Updated updated) {
        publish(prefix + "/update/accepted", updated.accepted());
        if (updated.delta() != null) {
            publish(prefix + "/update/delta", updated.delta());
        }
        publish(prefix + "/update/documents", updated.documents());
    }

    private static String prefix(String thing, String shadow) {
        return "$aws/things/" + thing + "/shadow" + (shadow.isEmpty() ? "" : "/name/" + shadow);
    }

    private void publish(String topic, ObjectNode document) {
        channel.publish(topic, document.toString().getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** How many versions of a shadow are kept for diagnosis. */
    public int historySize(String thing, String shadow) {
        return shadows.historySize(thing, shadow);
    }

    /** Stops taking requests; the ones already taken are committed and answered. */
    @Override
    public void close() {
        subscriptions.forEach(MqttChannel.Subscription::close);
        try {
            owned.close();
        } catch (Exception e) {
            log.warn("Closing the shadows failed", e);
        }
    }
}
