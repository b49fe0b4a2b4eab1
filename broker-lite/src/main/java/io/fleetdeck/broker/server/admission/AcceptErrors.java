package io.fleetdeck.broker.server.admission;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * On a listening socket: an accept that fails (most often "Too many open files") is counted and logged once per
 * interval, never once per event, and the listener pauses a moment before it accepts again, as Netty's own acceptor
 * would, instead of spinning on the same error. Sharable across listeners; runs on the acceptor's event loop.
 */
@Sharable
public final class AcceptErrors extends ChannelInboundHandlerAdapter {

    private static final long PAUSE_MILLIS = 1000;

    private final ThrottledLog log;

    public AcceptErrors(ThrottledLog log) {
        this.log = log;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.record(ctx.channel().localAddress() + ": " + cause.getMessage());
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.executor().schedule(() -> config.setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
