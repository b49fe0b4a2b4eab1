package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A data folder's worth of identity for tests: its PKI, a real store (SQLite or PostgreSQL), the identity registry,
 * and a broker whose TLS listener requires device certificates and enforces policies, as the console runs it.
 */
public final class MutualTlsBroker implements AutoCloseable {

    public final Path folder;
    public final Database database;
    public final IdentityService identities;
    public final Registry registry;
    public final MessageBroker broker;
    public final MqttServer server;

    private MutualTlsBroker(
            Path folder, Database database, IdentityService identities, MessageBroker broker, MqttServer server) {
        this.folder = folder;
        this.database = database;
        this.identities = identities;
        this.registry = new Registry(database, Clock.systemUTC(), identities::registryChanged);
        identities.inheritGroupPoliciesFrom(registry::groupsWithAncestors);
        this.broker = broker;
        this.server = server;
    }

    /** The console's identity and broker on a data folder whose store is {@code store}'s. */
    public static MutualTlsBroker start(Path folder, StoreKind store) throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity serverIdentity =
                ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), clock);
        Database database = store.open(folder);
        IdentityService identities =
                IdentityService.open(database, CertificateAuthority.load(folder.resolve("pki"), clock), clock);
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), clock);
        MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1",
                        0,
                        serverIdentity.mutualTlsContext(identities),
                        Optional.empty(),
                        1 << 20,
                        identities));
        return new MutualTlsBroker(folder, database, identities, broker, server);
    }

    public int tlsPort() {
        return server.tlsAddress().getPort();
    }

    public Path caFile() {
        return folder.resolve("provisioning/root-ca.pem");
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
