package io.fleetdeck.broker.server;

import io.fleetdeck.broker.auth.ClientAuthority;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's network side: a TLS listener for devices and, when asked, a plain listener on loopback for tools,
 * both speaking MQTT 3.1.1 and 5 on Netty. Started once, closed once, by its owner.
 */
public final class MqttServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttServer.class);
    /** Room beyond the payload limit for the topic, the properties and the fixed and variable headers. */
    private static final int HEADER_ROOM_BYTES = 64 * 1024;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final List<Channel> listeners;
    private final InetSocketAddress tlsAddress;
    private final InetSocketAddress plainAddress;

    /**
     * Where to listen: {@code tlsHost} null means every interface; {@code plainPort} empty keeps the plain listener
     * off; port 0 picks a free port.
     *
     * @param slowClientBufferBytes a connection's unsent bytes past which QoS 0 messages for it are dropped and
     *     counted rather than buffered without bound
     */
    public record Listeners(
            String tlsHost,
            int tlsPort,
            SslContext tls,
            Optional<Integer> plainPort,
            int slowClientBufferBytes,
            ClientAuthority authority) {

        /** Without an authority: any client certificate, no policies (tests of the protocol, the benchmark). */
        public Listeners(
                String tlsHost, int tlsPort, SslContext tls, Optional<Integer> plainPort, int slowClientBufferBytes) {
            this(tlsHost, tlsPort, tls, plainPort, slowClientBufferBytes, null);
        }
    }

    private MqttServer(
            EventLoopGroup acceptors,
            EventLoopGroup workers,
            List<Channel> listeners,
            InetSocketAddress tlsAddress,
            InetSocketAddress plainAddress) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.listeners = listeners;
        this.tlsAddress = tlsAddress;
        this.plainAddress = plainAddress;
    }

    public static MqttServer start(MessageBroker broker, Listeners config) throws IOException {
        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        // one I/O thread per core: on a small machine more threads only add hand-offs between them
        EventLoopGroup workers =
                new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
        List<Channel> bound = new ArrayList<>();
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        if (config.authority() != null) {
            // a certificate that leaves ACTIVE takes its live connections with it, wherever they are
            config.authority()
                    .onCertificateDisabled(certificateId -> connections.forEach(channel ->
                            channel.pipeline().fireUserEventTriggered(new CertificateDisabled(certificateId))));
        }
        try {
            InetSocketAddress tlsAddress = config.tlsHost() == null
                    ? new InetSocketAddress(config.tlsPort())
                    : new InetSocketAddress(config.tlsHost(), config.tlsPort());
            Channel tls = bind(broker, config, connections, acceptors, workers, config.tls(), tlsAddress);
            bound.add(tls);
            InetSocketAddress plainAddress = null;
            if (config.plainPort().isPresent()) {
                // Plain MQTT carries no identity: it is for tools on this machine only, never the network.
                Channel plain = bind(
                        broker,
                        config,
                        connections,
                        acceptors,
                        workers,
                        null,
                        new InetSocketAddress("127.0.0.1", config.plainPort().get()));
                bound.add(plain);
                plainAddress = (InetSocketAddress) plain.localAddress();
            }
            workers.next()
                    .scheduleAtFixedRate(
                            () -> {
                                broker.sessions().expire();
                                broker.forgetOldConnects();
                            },
                            10,
                            10,
                            TimeUnit.SECONDS);
            MqttServer server =
                    new MqttServer(acceptors, workers, bound, (InetSocketAddress) tls.localAddress(), plainAddress);
            log.info(
                    "MQTT broker listening ({} profile): mqtts on {}{}",
                    broker.profile().cliName(),
                    server.tlsAddress,
                    plainAddress == null ? "" : ", mqtt on " + plainAddress);
            return server;
        } catch (IOException | RuntimeException e) {
            bound.forEach(Channel::close);
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static Channel bind(
            MessageBroker broker,
            Listeners config,
            ChannelGroup connections,
            EventLoopGroup acceptors,
            EventLoopGroup workers,
            SslContext tls,
            InetSocketAddress address)
            throws IOException {
        int maxPacket = maxPacketBytes(broker.limits());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.slowClientBufferBytes() / 2, config.slowClientBufferBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (tls != null) {
                            pipeline.addLast("tls", tls.newHandler(channel.alloc()));
                        }
                        pipeline.addLast("mqtt-decoder", new MqttDecoder(maxPacket, 65535));
                        pipeline.addLast("mqtt-encoder", MqttEncoder.INSTANCE);
                        pipeline.addLast("flush-consolidation", new FlushConsolidationHandler(256, true));
                        // the loopback listener is for tools on this machine: no certificate, no policies
                        pipeline.addLast("mqtt", new MqttConnection(broker, tls == null ? null : config.authority()));
                        connections.add(channel);
                    }
                });
        try {
            return bootstrap.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + address, e);
        } catch (Exception e) {
            throw new IOException(
                    "cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** Tells every connection that a certificate left ACTIVE; the ones that presented it end. */
    record CertificateDisabled(String certificateId) {}

    /** The largest packet the decoder takes: the payload limit and room for the rest, never past MQTT's maximum. */
    static int maxPacketBytes(BrokerLimits limits) {
        return (int) Math.min((long) limits.maxPayloadBytes() + HEADER_ROOM_BYTES, MqttProfile.MQTT_MAX_PACKET_BYTES);
    }

    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    public Optional<InetSocketAddress> plainAddress() {
        return Optional.ofNullable(plainAddress);
    }

    @Override
    public void close() {
        listeners.forEach(channel -> channel.close().syncUninterruptibly());
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
