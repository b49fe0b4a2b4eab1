package io.fleetdeck.app.runtime;

import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;

/**
 * The broker inside this process: its TLS identity from the data folder ({@code pki/}, with the CA devices trust
 * published as {@code provisioning/root-ca.pem}), its listeners (mutual TLS for devices, plain loopback for tools),
 * and the {@link MqttChannel} services use.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Slow subscribers may hold this much unsent data before QoS 0 messages to them are dropped and counted. */
    private static final int SLOW_CLIENT_BUFFER_BYTES = 1 << 20;

    private final MessageBroker broker;
    private final MqttServer server;

    private EmbeddedBroker(MessageBroker broker, MqttServer server) {
        this.broker = broker;
        this.server = server;
    }

    /** The broker's TLS identity: made on a fresh data folder's first start, the CA device certificates share. */
    static ServerIdentity serverIdentity(DataFolder folder, CaKeyType caKeyType, Clock clock) throws StartupException {
        try {
            return ServerIdentity.loadOrCreate(folder.root().resolve("pki"), folder.caCertificate(), clock, caKeyType);
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException(
                    "cannot set up the broker's TLS identity in "
                            + folder.root().resolve("pki") + ": " + e.getMessage(),
                    e);
        }
    }

    /** Devices on the TLS listener present their own certificates, checked against {@code authority}. */
    static EmbeddedBroker start(ServerIdentity identity, ClientAuthority authority, BrokerOptions options, Clock clock)
            throws StartupException {
        MessageBroker broker = new MessageBroker(
                BrokerLimits.awsDefaults().withQueueBounds(options.maxQueuedMessages(), options.maxQueuedBytes()),
                options.awsQuotas() ? RateQuotas.aws() : RateQuotas.OFF,
                clock,
                options.mqttProfile());
        try {
            MqttServer server = MqttServer.start(
                    broker,
                    new MqttServer.Listeners(
                            null,
                            options.mqttsPort(),
                            identity.mutualTlsContext(authority),
                            options.mqttPort(),
                            SLOW_CLIENT_BUFFER_BYTES,
                            authority));
            return new EmbeddedBroker(broker, server);
        } catch (IOException e) {
            throw new StartupException(
                    "the MQTT broker " + e.getMessage() + "; choose other ports with --mqtts-port and --mqtt-port", e);
        }
    }

    public MqttChannel channel() {
        return broker;
    }

    /** The broker's counters, clients and topics, for the Broker view. */
    public MessageBroker messageBroker() {
        return broker;
    }

    public InetSocketAddress tlsAddress() {
        return server.tlsAddress();
    }

    public Optional<InetSocketAddress> plainAddress() {
        return server.plainAddress();
    }

    /**
     * The endpoints as the ready line names them: loopback addresses, which the server certificate covers, so a script
     * on this machine can connect to exactly what it reads.
     */
    public String endpoints() {
        String tls = "mqtts=127.0.0.1:" + tlsAddress().getPort();
        return plainAddress()
                .map(plain -> tls + " mqtt=127.0.0.1:" + plain.getPort())
                .orElse(tls);
    }

    /** Whether the broker speaks standard MQTT rather than AWS IoT Core's profile ({@code --mqtt-profile}). */
    public boolean standardProfile() {
        return broker.profile() != MqttProfile.AWS;
    }

    /**
     * For the broker monitoring's snapshot: where devices and tools connect, and the profile when it is not AWS's.
     * The console's status bar words the same facts in the user's language from the ports instead.
     */
    public String description() {
        String tls = "MQTT over TLS on port " + tlsAddress().getPort();
        String endpoints = plainAddress()
                .map(plain -> tls + ", plain MQTT on 127.0.0.1:" + plain.getPort())
                .orElse(tls);
        return standardProfile() ? endpoints + " (standard MQTT profile)" : endpoints;
    }

    @Override
    public void close() {
        server.close();
    }
}
