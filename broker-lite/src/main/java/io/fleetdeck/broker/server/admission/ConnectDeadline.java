package io.fleetdeck.broker.server.admission;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * MQTT 3.1.1 §3.1: a server that gets no CONNECT "within a reasonable amount of time" should close the connection.
 * The clock starts at the accept on the plain listener and when the TLS handshake completes on the TLS listener (the
 * handshake has its own time-out); the first MQTT packet stops it. Sits just before the MQTT connection, so it also
 * sees the CONNACK that makes the connection authenticated. Owned by the channel's event loop.
 */
public final class ConnectDeadline extends ChannelDuplexHandler {

    private final ConnectionGate gate;
    private final long deadlineNanos;
    private final ThrottledLog expiries;
    private @Nullable ScheduledFuture<?> timer;
    private boolean packetSeen;

    public ConnectDeadline(ConnectionGate gate, long deadlineNanos, ThrottledLog expiries) {
        this.gate = gate;
        this.deadlineNanos = deadlineNanos;
        this.expiries = expiries;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.pipeline().get(SslHandler.class) == null) {
            start(ctx);
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
            start(ctx);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        if (message instanceof MqttMessage && !packetSeen) {
            packetSeen = true;
            stop();
        }
        super.channelRead(ctx, message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof MqttConnAckMessage connack
                && connack.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            ConnectionGate.Place place =
                    ctx.channel().attr(AdmissionHandler.PLACE).get();
            if (place != null) {
                gate.authenticated(place);
            }
            ctx.pipeline().remove(this);
        }
        super.write(ctx, message, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null && !packetSeen) {
            timer = ctx.executor().schedule(() -> expire(ctx), deadlineNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!packetSeen && ctx.channel().isActive()) {
            expiries.record(String.valueOf(ctx.channel().remoteAddress()));
            ctx.close();
        }
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
