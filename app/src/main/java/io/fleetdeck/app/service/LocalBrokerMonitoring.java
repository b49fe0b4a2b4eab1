package io.fleetdeck.app.service;

import io.fleetdeck.api.broker.BrokerMonitoring;
import io.fleetdeck.api.broker.BrokerSnapshot;
import io.fleetdeck.api.broker.BrokerSnapshot.ClientRow;
import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import io.fleetdeck.api.broker.BrokerSnapshot.QueueBounds;
import io.fleetdeck.api.broker.BrokerSnapshot.TopicRow;
import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.metrics.BrokerCounters;
import io.fleetdeck.broker.metrics.ClientStats;
import io.fleetdeck.broker.metrics.TopicActivity.TopicStats;
import io.fleetdeck.broker.server.MessageBroker;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** {@link BrokerMonitoring} over this process's broker: its counters, clients and topics. Any thread. */
public final class LocalBrokerMonitoring implements BrokerMonitoring {

    private final MessageBroker broker;
    private final String endpoint;
    private final Clock clock;

    /** @param endpoint where devices connect, in words */
    public LocalBrokerMonitoring(MessageBroker broker, String endpoint, Clock clock) {
        this.broker = broker;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public BrokerSnapshot snapshot() {
        BrokerCounters.Stats stats = broker.stats();
        return new BrokerSnapshot(
                clock.instant(),
                endpoint,
                stats.traffic().messagesIn(),
                stats.traffic().messagesOut(),
                stats.traffic().dropped(),
                broker.retainedCount(),
                broker.clients().stream().map(LocalBrokerMonitoring::row).toList(),
                broker.topics().stream().map(LocalBrokerMonitoring::row).toList(),
                new QueueBounds(
                        broker.limits().queuedMessagesPerSession(),
                        broker.limits().queuedBytesPerSession()));
    }

    private static ClientRow row(ClientStats client) {
        ClientConnection connection = client.connection();
        return new ClientRow(
                client.clientId(),
                connection != null ? connection.remoteAddress().replaceFirst("^/", "") : "",
                connection != null ? (connection.protocolVersion() == 5 ? "5" : "3.1.1") : "",
                connection != null ? connection.connectedAt() : null,
                client.traffic().messagesIn(),
                client.traffic().messagesOut(),
                client.queued(),
                new Drops(
                        client.traffic().droppedQos0(),
                        client.traffic().droppedQos1(),
                        client.traffic().droppedQueueBytes(),
                        client.traffic().throttled()),
                connection != null);
    }

    private static TopicRow row(TopicStats topic) {
        String text = asText(topic.lastPayload());
        if (topic.lastPayloadLength() > topic.lastPayload().length) {
            text += " … (" + topic.lastPayloadLength() + " bytes)";
        }
        return new TopicRow(topic.topic(), topic.messages(), text, Instant.ofEpochMilli(topic.lastEpochMillis()));
    }

    /** UTF-8 text as it is; anything else as hex, so binary payloads stay readable in the view. */
    private static String asText(byte[] payload) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException binary) {
            return "hex " + HexFormat.ofDelimiter(" ").formatHex(payload);
        }
    }
}
