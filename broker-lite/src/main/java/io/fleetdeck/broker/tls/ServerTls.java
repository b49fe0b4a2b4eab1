package io.fleetdeck.broker.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * A listener's TLS, as {@link ServerIdentity} makes it: what the broker's listener needs of it and nothing more, so that
 * the application that starts a broker passes it on without reaching into Netty's TLS.
 */
public final class ServerTls {

    private final SslContext context;

    ServerTls(SslContext context) {
        this.context = context;
    }

    /** The handler for one accepted connection, first in its pipeline. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }
}
