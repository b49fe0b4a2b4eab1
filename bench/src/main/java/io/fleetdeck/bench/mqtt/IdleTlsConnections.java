package io.fleetdeck.bench.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (e): many devices connected over TLS and saying nothing, as a site's fleet mostly is. Netty clients, so ten thousand
 * connections cost the harness little; each does the TLS handshake, sends CONNECT (keep-alive 1200 s) and waits.
 */
final class IdleTlsConnections implements AutoCloseable {

    private static final int CONCURRENT_HANDSHAKES = 200;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    /** Opens {@code count} connections to {@code port}, trusting {@code ca}; returns how many got CONNACK. */
    int open(int port, Path ca, int count) throws Exception {
        SslContext tls = SslContextBuilder.forClient().trustManager(ca.toFile()).build();
        Semaphore handshakes = new Semaphore(CONCURRENT_HANDSHAKES);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class);
        for (int i = 0; i < count; i++) {
            handshakes.acquire();
            String clientId = "idle-" + i;
            bootstrap
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(tls.newHandler(channel.alloc(), "localhost", port))
                                    .addLast(new MqttDecoder())
                                    .addLast(MqttEncoder.INSTANCE)
                                    .addLast(new ConnAckWaiter(clientId, handshakes));
                        }
                    })
                    .connect("127.0.0.1", port)
                    .addListener(future -> {
                        if (!future.isSuccess()) {
                            handshakes.release();
                        }
                    });
        }
        handshakes.tryAcquire(CONCURRENT_HANDSHAKES, 120, TimeUnit.SECONDS);
        return accepted.get();
    }

    @Override
    public void close() {
        channels.forEach(Channel::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class ConnAckWaiter extends SimpleChannelInboundHandler<MqttMessage> {
        private final String clientId;
        private final Semaphore handshakes;

        ConnAckWaiter(String clientId, Semaphore handshakes) {
            this.clientId = clientId;
            this.handshakes = handshakes;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channels.add(ctx.channel());
            ctx.writeAndFlush(MqttMessageBuilders.connect()
                    .clientId(clientId)
                    .protocolVersion(MqttVersion.MQTT_3_1_1)
                    .cleanSession(true)
                    .keepAlive(1200)
                    .build());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
            if (message instanceof MqttConnAckMessage connack
                    && connack.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
                accepted.incrementAndGet();
                handshakes.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshakes.release();
            ctx.close();
        }
    }
}
