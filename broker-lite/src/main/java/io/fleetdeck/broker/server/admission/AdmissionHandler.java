package io.fleetdeck.broker.server.admission;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of every accepted connection: asks the listener's admission whether it may stay, closes it at
 * once when not (before a byte of TLS is read), holds its first read back while its address is over the handshake
 * pace, and gives its place back when it closes. Owned by the channel's event loop.
 */
public final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    /** The connection's place, so the CONNECT deadline can mark it authenticated. */
    static final AttributeKey<Place> PLACE = AttributeKey.valueOf("fleetdeck.admission.place");

    private final ListenerAdmission admission;
    private final ThrottledLog refusals;

    public AdmissionHandler(ListenerAdmission admission, ThrottledLog refusals) {
        this.admission = admission;
        this.refusals = refusals;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        InetAddress address = channel.remoteAddress() instanceof InetSocketAddress socket ? socket.getAddress() : null;
        if (address == null) {
            ctx.close();
            return;
        }
        switch (admission.arrive(address, System.nanoTime())) {
            case ListenerAdmission.Verdict.Refused refused -> {
                refusals.record(refused.reason());
                ctx.close();
                return;
            }
            case ListenerAdmission.Verdict.Admitted admitted -> {
                Place place = new Place(admission, address);
                channel.attr(PLACE).set(place);
                channel.closeFuture().addListener(closed -> place.left());
                if (admitted.handshakeDelayNanos() > 0) {
                    // the head reads after this returns only while auto-read is on: the handshake waits its turn
                    channel.config().setAutoRead(false);
                    ctx.executor()
                            .schedule(
                                    () -> {
                                        channel.config().setAutoRead(true);
                                        channel.read();
                                    },
                                    admitted.handshakeDelayNanos(),
                                    TimeUnit.NANOSECONDS);
                }
            }
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    /** A connection's place in its listener's admission; released once, whichever comes first. */
    public static final class Place {
        private final ListenerAdmission admission;
        private final InetAddress address;
        private boolean authenticated;
        private boolean left;

        Place(ListenerAdmission admission, InetAddress address) {
            this.admission = admission;
            this.address = address;
        }

        /** On the channel's event loop. */
        public void authenticated() {
            if (!authenticated && !left) {
                authenticated = true;
                admission.authenticated(address);
            }
        }

        /** On the channel's event loop. */
        void left() {
            if (!left) {
                left = true;
                admission.left(address, !authenticated);
            }
        }
    }
}
