package io.fleetdeck.broker;

import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.server.admission.ConnectionLimits;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** A real broker on loopback ports picked by the OS: TLS with a fresh CA, and the plain listener for tools. */
final class RunningBroker implements AutoCloseable {

    final MessageBroker broker;
    final MqttServer server;
    final Path caFile;

    private RunningBroker(MessageBroker broker, MqttServer server, Path caFile) {
        this.broker = broker;
        this.server = server;
        this.caFile = caFile;
    }

    static RunningBroker start(Path folder) throws Exception {
        return start(folder, BrokerLimits.awsDefaults());
    }

    static RunningBroker start(Path folder, BrokerLimits limits) throws Exception {
        return start(folder, limits, Clock.systemUTC());
    }

    static RunningBroker start(Path folder, BrokerLimits limits, Clock clock) throws Exception {
        return start(folder, limits, RateQuotas.OFF, clock);
    }

    static RunningBroker start(Path folder, BrokerLimits limits, RateQuotas quotas, Clock clock) throws Exception {
        return start(folder, limits, quotas, clock, MqttProfile.AWS);
    }

    /** Under the standard MQTT profile: QoS 2, any keep-alive, MQTT's sizes (AWS's limits configured, then lifted). */
    static RunningBroker startStandard(Path folder) throws Exception {
        return start(folder, BrokerLimits.awsDefaults(), RateQuotas.OFF, Clock.systemUTC(), MqttProfile.STANDARD);
    }

    static RunningBroker start(Path folder, BrokerLimits limits, RateQuotas quotas, Clock clock, MqttProfile profile)
            throws Exception {
        Path caFile = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), caFile, Clock.systemUTC());
        MessageBroker broker = new MessageBroker(limits, quotas, clock, profile);
        MqttServer server = MqttServer.start(
                broker, new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20));
        return new RunningBroker(broker, server, caFile);
    }

    /** With mutual TLS on the device listener, admitted and policed by {@code authority}. */
    static RunningBroker startWithAuthority(Path folder, ClientAuthority authority) throws Exception {
        return startWithAuthority(folder, authority, MqttProfile.AWS);
    }

    static RunningBroker startWithAuthority(Path folder, ClientAuthority authority, MqttProfile profile)
            throws Exception {
        Path caFile = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), caFile, Clock.systemUTC());
        MessageBroker broker =
                new MessageBroker(BrokerLimits.awsDefaults(), RateQuotas.OFF, Clock.systemUTC(), profile);
        MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1", 0, identity.mutualTlsContext(authority), Optional.of(0), 1 << 20, authority));
        return new RunningBroker(broker, server, caFile);
    }

    /** Mutual TLS with {@code authority} and the given defences against connections that do not connect. */
    static RunningBroker startWithConnectionLimits(Path folder, ClientAuthority authority, ConnectionLimits limits)
            throws Exception {
        Path caFile = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), caFile, Clock.systemUTC());
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                                "127.0.0.1",
                                0,
                                identity.mutualTlsContext(authority),
                                Optional.of(0),
                                1 << 20,
                                authority)
                        .withConnectionLimits(limits));
        return new RunningBroker(broker, server, caFile);
    }

    int plainPort() {
        return server.plainAddress().orElseThrow().getPort();
    }

    int tlsPort() {
        return server.tlsAddress().getPort();
    }

    String plainUri() {
        return "tcp://127.0.0.1:" + plainPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
