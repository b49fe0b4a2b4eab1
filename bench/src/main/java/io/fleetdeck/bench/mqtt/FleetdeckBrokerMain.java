package io.fleetdeck.bench.mqtt;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * broker-lite in a process of its own, as the benchmark's broker under test, so it competes with the load clients for
 * the two cores just as Mosquitto does. Args: pki folder, plain port, TLS port, and optionally a store file whose
 * identities then guard the TLS listener (mutual TLS and policies). Prints "ready" when listening; on
 * stdin, "heap" prints the heap in use after a GC, "quit" stops it.
 */
public final class FleetdeckBrokerMain {

    /*
     * Mosquitto queues QoS 0 for a connected subscriber without bound; broker-lite drops past a per-client bound
     * (8 MB in the console). Here it is deep enough for (b)'s 200k messages, so both brokers deliver everything and the
     * figure compares speed, not queue policy.
     */
    private static final int SLOW_CLIENT_BUFFER_BYTES = 64 << 20;

    private FleetdeckBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Path pki = Path.of(args[0]);
        ServerIdentity identity = ServerIdentity.loadOrCreate(pki, pki.resolve("ca.pem"), Clock.systemUTC());
        // AWS's limits, but with queues deep enough that no QoS 1 message of a benchmark run is dropped, unless
        // --max-queued-messages asks for the console's bound
        BrokerLimits limits = new BrokerLimits(
                128,
                256,
                7,
                128 * 1024,
                8,
                50,
                30,
                1200,
                Duration.ofHours(1),
                BrokerUnderTest.maxQueuedMessages(),
                100,
                8);
        // -Dfleetdeck.mqttProfile=standard for the QoS 2 scenarios; AWS's rules otherwise, as the console's default
        MqttProfile profile = MqttProfile.named(System.getProperty("fleetdeck.mqttProfile", "aws"))
                .orElseThrow(() -> new IllegalArgumentException("fleetdeck.mqttProfile must be aws or standard"));
        MessageBroker broker = new MessageBroker(limits, RateQuotas.OFF, Clock.systemUTC(), profile);
        // with a store (4th argument), devices on the TLS listener present certificates and policies apply
        Database store = args.length > 3 ? Database.sqliteFile(Path.of(args[3])) : null;
        IdentityService identities = store == null
                ? null
                : IdentityService.open(store, CertificateAuthority.load(pki, Clock.systemUTC()), Clock.systemUTC());
        try (MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1",
                        Integer.parseInt(args[2]),
                        identities == null ? identity.serverContext() : identity.mutualTlsContext(identities),
                        Optional.of(Integer.parseInt(args[1])),
                        SLOW_CLIENT_BUFFER_BYTES,
                        identities))) {
            System.out.println("ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null && !command.equals("quit")) {
                if (command.equals("heap")) {
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    System.out.println("heap " + (runtime.totalMemory() - runtime.freeMemory()));
                }
            }
        }
    }
}
