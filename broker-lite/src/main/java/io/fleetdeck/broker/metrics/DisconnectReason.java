package io.fleetdeck.broker.metrics;

/** Why a connection ended, in the categories the counters and Defender's metrics use. */
public enum DisconnectReason {
    CLIENT_DISCONNECTED,
    CONNECTION_LOST,
    KEEP_ALIVE_TIMEOUT,
    SESSION_TAKEN_OVER,
    PROTOCOL_VIOLATION,
    NOT_AUTHORIZED,
    REFUSED
}
