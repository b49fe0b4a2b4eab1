package io.fleetdeck.fleet.connectivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each thing's connectivity as Fleet Indexing shows it (connected, since when, why it last disconnected), kept from the
 * broker's lifecycle events: a connect and a disconnect of the same session may arrive out of order, so an event older
 * than what is known is ignored (AWS-IOT-BEHAVIOUR §5.10). Thread-safe.
 */
public final class ConnectivityTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectivityTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A thing's last known connectivity; {@code disconnectReason} is null while connected. */
    public record Connectivity(
            boolean connected, Instant timestamp, @Nullable String disconnectReason) {}

    private final Map<String, Connectivity> byClientId = new ConcurrentHashMap<>();
    private final MqttChannel.Subscription subscription;
    private final FleetEventSink events;

    /** @param events where a change of a thing's connectivity goes, as a {@code ConnectivityChanged} event */
    public ConnectivityTracker(MqttChannel channel, FleetEventSink events) {
        this.events = events;
        this.subscription = channel.subscribe("$aws/events/presence/+/+", this::onPresence);
    }

    public Optional<Connectivity> of(String thingName) {
        return Optional.ofNullable(byClientId.get(thingName));
    }

    private void onPresence(PublishedMessage event) {
        JsonNode body;
        try {
            body = JSON.readTree(event.payload());
        } catch (IOException e) {
            log.warn("A presence event on {} is not JSON: {}", event.topic(), e.toString());
            return;
        }
        String clientId = body.path("clientId").asText();
        Instant at = Instant.ofEpochMilli(body.path("timestamp").asLong());
        boolean connected = "connected".equals(body.path("eventType").asText());
        Connectivity next = new Connectivity(
                connected, at, connected ? null : body.path("disconnectReason").asText(null));
        Connectivity now = byClientId.merge(
                clientId,
                next,
                (known, incoming) -> incoming.timestamp().isBefore(known.timestamp()) ? known : incoming);
        if (now == next) {
            // the broker hands presence events over on one service thread: they go out in the order it saw them
            events.publish(new ConnectivityChanged(clientId, connected, at, next.disconnectReason()));
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
