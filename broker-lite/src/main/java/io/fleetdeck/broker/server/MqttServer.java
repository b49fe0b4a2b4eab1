package io.fleetdeck.broker.server;

import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.server.admission.AcceptErrors;
import io.fleetdeck.broker.server.admission.AcceptGuard;
import io.fleetdeck.broker.server.admission.AdmissionHandler;
import io.fleetdeck.broker.server.admission.ConnectDeadline;
import io.fleetdeck.broker.server.admission.ConnectionGate;
import io.fleetdeck.broker.server.admission.ConnectionLimits;
import io.fleetdeck.broker.server.admission.HandshakePace;
import io.fleetdeck.broker.server.admission.OpenFileLimit;
import io.fleetdeck.broker.server.admission.ThrottledLog;
import io.fleetdeck.broker.tls.ServerTls;
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
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
    private final @Nullable InetSocketAddress plainAddress;
    private final Admission admission;

    /**
     * Where to listen: {@code tlsHost} null means every interface; {@code plainPort} empty keeps the plain listener
     * off; port 0 picks a free port.
     *
     * @param slowClientBufferBytes a connection's unsent bytes past which QoS 0 messages for it are dropped and
     *     counted rather than buffered without bound
     */
    public record Listeners(
            @Nullable String tlsHost,
            int tlsPort,
            ServerTls tls,
            Optional<Integer> plainPort,
            int slowClientBufferBytes,
            @Nullable ClientAuthority authority,
            ConnectionLimits connectionLimits) {

        public Listeners(
                @Nullable String tlsHost,
                int tlsPort,
                ServerTls tls,
                Optional<Integer> plainPort,
                int slowClientBufferBytes,
                @Nullable ClientAuthority authority) {
            this(tlsHost, tlsPort, tls, plainPort, slowClientBufferBytes, authority, ConnectionLimits.defaults());
        }

        /** Without an authority: any client certificate, no policies (tests of the protocol, the benchmark). */
        public Listeners(
                @Nullable String tlsHost,
                int tlsPort,
                ServerTls tls,
                Optional<Integer> plainPort,
                int slowClientBufferBytes) {
            this(tlsHost, tlsPort, tls, plainPort, slowClientBufferBytes, null);
        }

        public Listeners withConnectionLimits(ConnectionLimits limits) {
            return new Listeners(tlsHost, tlsPort, tls, plainPort, slowClientBufferBytes, authority, limits);
        }
    }

    /**
     * How the listeners fare against connections that do not connect: open now under the cap, and the totals since
     * start of connections closed at accept, silent ones closed to make room for newcomers, ones closed for sending no
     * CONNECT in time, and accepts that failed.
     */
    public record AdmissionStats(
            int open, int cap, long refusedAtAccept, long evicted, long closedWithoutConnect, long failedAccepts) {}

    private MqttServer(
            EventLoopGroup acceptors,
            EventLoopGroup workers,
            List<Channel> listeners,
            InetSocketAddress tlsAddress,
            @Nullable InetSocketAddress plainAddress,
            Admission admission) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.listeners = listeners;
        this.tlsAddress = tlsAddress;
        this.plainAddress = plainAddress;
        this.admission = admission;
    }

    /** What the listeners share to keep connections that never connect from eating the process's files. */
    private record Admission(
            ConnectionLimits limits,
            AcceptGuard guard,
            ConnectionGate gate,
            HandshakePace pace,
            ThrottledLog refusals,
            ThrottledLog evictions,
            ThrottledLog expiries,
            ThrottledLog acceptErrors) {

        static Admission of(ConnectionLimits limits) {
            ThrottledLog evictions =
                    new ThrottledLog(log, "silent connections closed to make room", 10, TimeUnit.SECONDS);
            ThrottledLog refusals = new ThrottledLog(log, "connections closed at accept", 10, TimeUnit.SECONDS);
            int hardCap = limits.connectionCap();
            long reserve = OpenFileLimit.current().reserve();
            // a tenth of the sockets stays free for the closes a flood leaves in flight
            int gateCap = Math.max(1, hardCap - Math.max(1, hardCap / 10));
            return new Admission(
                    limits,
                    new AcceptGuard(hardCap, OpenFileLimit.current(), reserve, refusals),
                    new ConnectionGate(limits, gateCap, evictions::record),
                    new HandshakePace(limits.handshakesPerSecondPerAddress(), limits.maxHandshakeWait()),
                    refusals,
                    evictions,
                    new ThrottledLog(
                            log,
                            "connections closed for sending no CONNECT within "
                                    + limits.connectDeadline().toSeconds() + " s",
                            10,
                            TimeUnit.SECONDS),
                    new ThrottledLog(log, "failed accepts", 10, TimeUnit.SECONDS));
        }

        void maintain() {
            pace.prune(System.nanoTime());
            refusals.flush();
            evictions.flush();
            expiries.flush();
            acceptErrors.flush();
        }
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
        Admission admission = Admission.of(config.connectionLimits());
        try {
            InetSocketAddress tlsAddress = config.tlsHost() == null
                    ? new InetSocketAddress(config.tlsPort())
                    : new InetSocketAddress(config.tlsHost(), config.tlsPort());
            Channel tls = bind(broker, config, connections, acceptors, workers, config.tls(), tlsAddress, admission);
            bound.add(tls);
            @Nullable InetSocketAddress plainAddress = null;
            if (config.plainPort().isPresent()) {
                // Plain MQTT carries no identity: it is for tools on this machine only, never the network.
                Channel plain = bind(
                        broker,
                        config,
                        connections,
                        acceptors,
                        workers,
                        null,
                        new InetSocketAddress("127.0.0.1", config.plainPort().get()),
                        admission);
                bound.add(plain);
                plainAddress = (InetSocketAddress) plain.localAddress();
            }
            workers.next()
                    .scheduleAtFixedRate(
                            () -> {
                                broker.sessions().expire();
                                broker.forgetOldConnects();
                                admission.maintain();
                            },
                            10,
                            10,
                            TimeUnit.SECONDS);
            MqttServer server = new MqttServer(
                    acceptors, workers, bound, (InetSocketAddress) tls.localAddress(), plainAddress, admission);
            log.info(
                    "MQTT broker listening ({} profile): mqtts on {}{}",
                    broker.profile().cliName(),
                    server.tlsAddress,
                    plainAddress == null ? "" : ", mqtt on " + plainAddress);
            ConnectionLimits limits = admission.limits();
            log.info(
                    "Connections: at most {} open (sockets {}, file limit {}), {} per address before CONNECT,"
                            + " {} TLS handshakes a second per address, CONNECT within {} s",
                    admission.gate().cap(),
                    admission.guard().hardCap(),
                    OpenFileLimit.current().maxFiles(),
                    limits.maxUnauthenticatedPerAddress(),
                    limits.handshakesPerSecondPerAddress(),
                    limits.connectDeadline().toSeconds());
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
            @Nullable ServerTls tls,
            InetSocketAddress address,
            Admission admission)
            throws IOException {
        int maxPacket = maxPacketBytes(broker.limits());
        long connectDeadline = admission.limits().connectDeadline().toNanos();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel listener) {
                        listener.pipeline().addLast(admission.guard(), new AcceptErrors(admission.acceptErrors()));
                    }
                })
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
                        pipeline.addLast(
                                "admission",
                                new AdmissionHandler(
                                        tls == null ? "plain" : "TLS",
                                        admission.gate(),
                                        tls == null ? null : admission.pace(),
                                        admission.refusals()));
                        if (tls != null) {
                            pipeline.addLast("tls", tls.newHandler(channel.alloc()));
                        }
                        pipeline.addLast("mqtt-decoder", new MqttDecoder(maxPacket, 65535));
                        pipeline.addLast("mqtt-encoder", MqttEncoder.INSTANCE);
                        pipeline.addLast("flush-consolidation", new FlushConsolidationHandler(256, true));
                        pipeline.addLast(
                                "connect-deadline",
                                new ConnectDeadline(admission.gate(), connectDeadline, admission.expiries()));
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

    public AdmissionStats admissionStats() {
        return new AdmissionStats(
                admission.gate().open(),
                admission.gate().cap(),
                admission.refusals().total(),
                admission.evictions().total(),
                admission.expiries().total(),
                admission.acceptErrors().total());
    }

    @Override
    public void close() {
        listeners.forEach(channel -> channel.close().syncUninterruptibly());
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
