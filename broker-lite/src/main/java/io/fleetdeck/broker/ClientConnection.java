package io.fleetdeck.broker;

import java.time.Instant;

/** A client's connection as services see it: who, from where, over which protocol version, since when. */
public record ClientConnection(String clientId, String remoteAddress, int protocolVersion, Instant connectedAt) {}
