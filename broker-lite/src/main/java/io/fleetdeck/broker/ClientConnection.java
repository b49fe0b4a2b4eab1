package io.fleetdeck.broker;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A client's connection as services see it: who, from where, over which protocol version, since when.
 *
 * @param certificateId the id of the certificate it presented, or null (the loopback listener for tools)
 * @param sessionIdentifier this connection's id in lifecycle events, unique per connection
 */
public record ClientConnection(
        String clientId,
        String remoteAddress,
        int protocolVersion,
        Instant connectedAt,
        @Nullable String certificateId,
        @Nullable String sessionIdentifier) {

    public ClientConnection(String clientId, String remoteAddress, int protocolVersion, Instant connectedAt) {
        this(clientId, remoteAddress, protocolVersion, connectedAt, null, null);
    }
}
