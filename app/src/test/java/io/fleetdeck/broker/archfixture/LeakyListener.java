package io.fleetdeck.broker.archfixture;

import io.netty.handler.ssl.SslContext;

/** A deliberate offender: broker-lite API that hands Netty's SslContext to its callers. */
public final class LeakyListener {

    private final SslContext tls;

    public LeakyListener(SslContext tls) {
        this.tls = tls;
    }

    public SslContext tls() {
        return tls;
    }
}
