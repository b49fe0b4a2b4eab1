package io.fleetdeck.broker.server.admission;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The first handler of every accepted connection: asks the gate whether it may stay and closes it at once when not;
 * at its first bytes tells the gate it is talking and, on the TLS listener, lets its handshake wait its turn when its
 * address is over the handshake pace (a silent socket costs no handshake, so only talking ones are paced); then
 * steps aside. The connection's place is given back when it closes. Owned by the channel's event loop.
 */
public final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    /** The connection's place, so the CONNECT deadline can mark it authenticated. */
    static final AttributeKey<ConnectionGate.Place> PLACE = AttributeKey.valueOf("fleetdeck.admission.place");

    private final String listener;
    private final ConnectionGate gate;
    private final @Nullable HandshakePace pace;
    private final ThrottledLog refusals;
    private ConnectionGate.@Nullable Place place;

    /** @param pace the TLS listener's handshake pace, or null on the plain listener */
    public AdmissionHandler(String listener, ConnectionGate gate, @Nullable HandshakePace pace, ThrottledLog refusals) {
        this.listener = listener;
        this.gate = gate;
        this.pace = pace;
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
        switch (gate.arrive(listener, address, channel)) {
            case ConnectionGate.Verdict.Refused refused -> {
                refusals.record(refused.reason());
                ctx.close();
                return;
            }
            case ConnectionGate.Verdict.Admitted admitted -> {
                place = admitted.place();
                channel.attr(PLACE).set(place);
                ConnectionGate.Place held = place;
                channel.closeFuture().addListener(closed -> gate.left(held));
            }
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object bytes) {
        ConnectionGate.Place held = place;
        if (held != null) {
            gate.heardFrom(held);
        }
        ctx.pipeline().remove(this);
        long delay = pace == null ? 0 : pace.reserve(place(ctx), System.nanoTime());
        if (delay == 0) {
            ctx.fireChannelRead(bytes);
        } else if (delay < 0) {
            ReferenceCountUtil.release(bytes);
            refusals.record(place(ctx).getHostAddress() + " starts more than its share of TLS handshakes a second");
            ctx.close();
        } else {
            // the handshake waits its turn; nothing more is read meanwhile
            ctx.channel().config().setAutoRead(false);
            ctx.executor()
                    .schedule(
                            () -> {
                                ctx.fireChannelRead(bytes);
                                ctx.fireChannelReadComplete();
                                ctx.channel().config().setAutoRead(true);
                            },
                            delay,
                            TimeUnit.NANOSECONDS);
        }
    }

    private static InetAddress place(ChannelHandlerContext ctx) {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
