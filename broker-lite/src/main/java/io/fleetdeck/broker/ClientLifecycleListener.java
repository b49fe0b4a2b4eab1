package io.fleetdeck.broker;

/**
 * Told when a client's connection is accepted and when it ends. Called on a broker I/O thread: return quickly and
 * hand slow work to another thread.
 */
public interface ClientLifecycleListener {

    default void connected(ClientConnection connection) {}

    /** @param reason why it ended, in words: "client disconnected", "keep-alive timeout", "session taken over", ... */
    default void disconnected(ClientConnection connection, String reason) {}
}
