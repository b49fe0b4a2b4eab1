package io.fleetdeck.sim;

import java.nio.file.Path;

/** Where simulated devices connect: the broker's TLS listener and the CA certificate that vouches for it. */
public record FleetEndpoint(String host, int tlsPort, Path caCertificate) {

    String uri() {
        return "ssl://" + host + ":" + tlsPort;
    }
}
