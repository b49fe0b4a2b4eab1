package io.fleetdeck.broker.server.admission;

import java.time.Duration;

/**
 * How many connections the broker takes, and how long one may stay without saying who it is: the defences against a
 * flood of sockets that never send CONNECT (issue 13). A connection is <em>unauthenticated</em> from its accept until
 * the broker accepts its CONNECT.
 *
 * @param connectDeadline how long a connection may stay without sending CONNECT, counted from the accept on the plain
 *     listener and from the end of the TLS handshake on the TLS listener (whose handshake has its own time-out)
 * @param maxConnections open connections on all listeners together; 0 means from the process's open-file limit, less
 *     headroom for the store, the index and the logs ({@link OpenFileLimit})
 * @param maxUnauthenticatedPerAddress unauthenticated connections one source address may hold on one listener; past
 *     it the address's oldest connection that has not sent a byte is closed to make room, and the newcomer is
 *     refused only when all of them are talking (the same happens at {@code maxConnections})
 * @param handshakesPerSecondPerAddress TLS handshakes one source address may start a second (a second's worth may
 *     come at once); past it a handshake waits its turn before it is read, and the connection is closed when that
 *     would take longer than {@code maxHandshakeWait}
 */
public record ConnectionLimits(
        Duration connectDeadline,
        int maxConnections,
        int maxUnauthenticatedPerAddress,
        int handshakesPerSecondPerAddress,
        Duration maxHandshakeWait) {

    /**
     * Ten seconds for CONNECT, as HiveMQ's and EMQX's defaults (MQTT 3.1.1 §3.1 asks for "a reasonable amount of
     * time"); 256 unauthenticated connections and 200 handshakes a second per address, so a site behind one NAT
     * address or a load test on this machine still connects its devices in bursts.
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(10), 0, 256, 200, Duration.ofSeconds(2));
    }

    public ConnectionLimits withConnectDeadline(Duration deadline) {
        return new ConnectionLimits(
                deadline,
                maxConnections,
                maxUnauthenticatedPerAddress,
                handshakesPerSecondPerAddress,
                maxHandshakeWait);
    }

    public ConnectionLimits withMaxConnections(int max) {
        return new ConnectionLimits(
                connectDeadline, max, maxUnauthenticatedPerAddress, handshakesPerSecondPerAddress, maxHandshakeWait);
    }

    public ConnectionLimits withMaxUnauthenticatedPerAddress(int max) {
        return new ConnectionLimits(
                connectDeadline, maxConnections, max, handshakesPerSecondPerAddress, maxHandshakeWait);
    }

    public ConnectionLimits withHandshakesPerSecondPerAddress(int perSecond) {
        return new ConnectionLimits(
                connectDeadline, maxConnections, maxUnauthenticatedPerAddress, perSecond, maxHandshakeWait);
    }

    /** The cap on open connections in force: the configured one, or the one the open-file limit allows. */
    public int connectionCap() {
        return maxConnections > 0 ? maxConnections : OpenFileLimit.current().connectionCap();
    }
}
