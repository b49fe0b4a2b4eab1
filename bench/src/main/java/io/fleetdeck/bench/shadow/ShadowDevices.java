package io.fleetdeck.bench.shadow;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Many simulated things on one small Netty event loop, each its own MQTT connection (client id = thing name), as a
 * device SDK would connect: subscribed to its shadow's update/accepted and update/rejected, publishing updates at QoS
 * 1. A thousand Paho clients would need three threads each; this needs one.
 */
final class ShadowDevices implements AutoCloseable {

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Device> devices = new ArrayList<>();
    private volatile Latencies latencies = new Latencies();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile LongConsumer onAnswer = thing -> {};

    /** One thing's connection. */
    final class Device extends SimpleChannelInboundHandler<MqttMessage> {
        final int index;
        final String thing;
        final String updateTopic;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final AtomicInteger packetIds = new AtomicInteger();
        Channel channel;

        @SuppressWarnings("NullAway.Init") // the channel is set once connected, before the device is ready
        Device(int index) {
            this.index = index;
            this.thing = "thing-" + index;
            this.updateTopic = "$aws/things/" + thing + "/shadow/update";
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            ctx.writeAndFlush(MqttMessageBuilders.connect()
                    .clientId(thing)
                    .protocolVersion(MqttVersion.MQTT_3_1_1)
                    .cleanSession(true)
                    .keepAlive(120)
                    .build());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
            switch (message) {
                case MqttConnAckMessage connAck ->
                    ctx.writeAndFlush(MqttMessageBuilders.subscribe()
                            .messageId(1)
                            .addSubscription(MqttQoS.AT_MOST_ONCE, updateTopic + "/accepted")
                            .addSubscription(MqttQoS.AT_MOST_ONCE, updateTopic + "/rejected")
                            .build());
                case MqttSubAckMessage subAck -> ready.complete(null);
                case MqttPublishMessage publish -> answered(publish);
                default -> {
                    // PUBACKs of our updates: the answer that counts is update/accepted
                }
            }
        }

        private void answered(MqttPublishMessage publish) {
            long sent = ShadowPayloads.sentNanos(ByteBufUtil.getBytes(publish.content()));
            if (publish.variableHeader().topicName().endsWith("/accepted")) {
                accepted.incrementAndGet();
                latencies.add(System.nanoTime() - sent);
            } else {
                rejected.incrementAndGet();
            }
            onAnswer.accept(index);
        }

        void sendUpdate() {
            long sent = System.nanoTime();
            int id = packetIds.updateAndGet(i -> i % 65_535 + 1);
            channel.writeAndFlush(MqttMessageBuilders.publish()
                    .topicName(updateTopic)
                    .qos(MqttQoS.AT_LEAST_ONCE)
                    .messageId(id)
                    .payload(Unpooled.wrappedBuffer(ShadowPayloads.report(sequence.incrementAndGet(), sent)))
                    .build());
        }
    }

    /** Connects {@code count} things and waits until each is subscribed. */
    ShadowDevices(int port, int count) throws Exception {
        Bootstrap bootstrap =
                new Bootstrap().group(loop).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true);
        for (int i = 0; i < count; i++) {
            Device device = new Device(i);
            devices.add(device);
            bootstrap
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MqttDecoder(), MqttEncoder.INSTANCE, device);
                        }
                    })
                    .connect("127.0.0.1", port)
                    .sync();
            device.ready.get(10, TimeUnit.SECONDS);
        }
    }

    void resetLatencies() {
        latencies = new Latencies();
    }

    Latencies latencies() {
        return latencies;
    }

    List<Device> devices() {
        return devices;
    }

    /** Called on the event loop with the index of a thing whose update was answered. */
    void onAnswer(LongConsumer listener) {
        this.onAnswer = listener;
    }

    /** Runs {@code task} on the devices' event loop, where their channels are written. */
    void onLoop(Runnable task) {
        loop.execute(task);
    }

    EventLoopGroup loop() {
        return loop;
    }

    @Override
    public void close() {
        devices.forEach(device -> device.channel.close());
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
