package io.fleetdeck.broker.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.metrics.DisconnectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * AWS IoT's lifecycle events (AWS-IOT-BEHAVIOUR §5.10) on {@code $aws/events/presence/connected|disconnected/<id>}
 * and {@code $aws/events/subscriptions/subscribed|unsubscribed/<id>}: a connect and its disconnect share a version
 * number that grows per client id; client ids holding {@code #} or {@code +} get none, as on AWS. Thread-safe.
 */
final class LifecycleEvents {

    private static final JsonFactory JSON = new JsonFactory();

    private final Consumer<PublishedMessage> publisher;
    private final Clock clock;
    private final Map<String, Long> lastVersion = new ConcurrentHashMap<>();
    private final Map<String, Long> versionOfSession = new ConcurrentHashMap<>();

    LifecycleEvents(Consumer<PublishedMessage> publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void connected(ClientConnection client) {
        if (silent(client)) {
            return;
        }
        long version = lastVersion.merge(client.clientId(), 0L, (last, zero) -> last + 1);
        versionOfSession.put(client.sessionIdentifier(), version);
        publish("$aws/events/presence/connected/" + client.clientId(), json(generator -> {
            common(generator, client, "connected");
            generator.writeStringField("ipAddress", hostOf(client.remoteAddress()));
            generator.writeNumberField("versionNumber", version);
        }));
    }

    void disconnected(ClientConnection client, DisconnectReason reason) {
        if (silent(client)) {
            return;
        }
        Long version = versionOfSession.remove(client.sessionIdentifier());
        publish("$aws/events/presence/disconnected/" + client.clientId(), json(generator -> {
            common(generator, client, "disconnected");
            generator.writeBooleanField("clientInitiatedDisconnect", reason == DisconnectReason.CLIENT_DISCONNECTED);
            generator.writeStringField("disconnectReason", awsReason(reason));
            generator.writeNumberField("versionNumber", version == null ? 0 : version);
        }));
    }

    void subscriptions(ClientConnection client, String eventType, List<String> filters) {
        if (silent(client) || filters.isEmpty()) {
            return;
        }
        publish("$aws/events/subscriptions/" + eventType + "/" + client.clientId(), json(generator -> {
            common(generator, client, eventType);
            generator.writeArrayFieldStart("topics");
            for (String filter : filters) {
                generator.writeString(filter);
            }
            generator.writeEndArray();
        }));
    }

    /** The disconnect reasons AWS names, from the broker's categories. */
    static String awsReason(DisconnectReason reason) {
        return switch (reason) {
            case CLIENT_DISCONNECTED -> "CLIENT_INITIATED_DISCONNECT";
            case CONNECTION_LOST -> "CONNECTION_LOST";
            case KEEP_ALIVE_TIMEOUT -> "MQTT_KEEP_ALIVE_TIMEOUT";
            case SESSION_TAKEN_OVER -> "DUPLICATE_CLIENTID";
            case PROTOCOL_VIOLATION -> "CLIENT_ERROR";
            case NOT_AUTHORIZED -> "FORBIDDEN_ACCESS";
            case REFUSED -> "AUTH_ERROR";
        };
    }

    private void common(JsonGenerator generator, ClientConnection client, String eventType) throws IOException {
        generator.writeStringField("clientId", client.clientId());
        generator.writeNumberField("timestamp", clock.millis());
        generator.writeStringField("eventType", eventType);
        generator.writeStringField("sessionIdentifier", client.sessionIdentifier());
        generator.writeStringField("principalIdentifier", client.certificateId() == null ? "" : client.certificateId());
    }

    private static boolean silent(ClientConnection client) {
        return client.clientId().contains("#") || client.clientId().contains("+");
    }

    private void publish(String topic, byte[] payload) {
        publisher.accept(PublishedMessage.fromService(topic, payload, 1, false));
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a lifecycle event", e);
        }
        return out.toByteArray();
    }

    private static String hostOf(String remoteAddress) {
        // "/192.0.2.10:51234" as Netty prints an address
        String text = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        int colon = text.lastIndexOf(':');
        return colon > 0 ? text.substring(0, colon) : text;
    }
}
