package io.fleetdeck.bench.mqtt;

import io.fleetdeck.broker.server.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * broker-lite in a process of its own, as the benchmark's broker under test, so it competes with the load clients for
 * the two cores just as Mosquitto does. Args: pki folder, plain port, TLS port. Prints "ready" when listening; on
 * stdin, "heap" prints the heap in use after a GC, "quit" stops it.
 */
public final class FleetdeckBrokerMain {

    private FleetdeckBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Path pki = Path.of(args[0]);
        ServerIdentity identity = ServerIdentity.loadOrCreate(pki, pki.resolve("ca.pem"), Clock.systemUTC());
        // AWS's limits, but with queues deep enough that no QoS 1 message of a benchmark run is dropped
        BrokerLimits limits =
                new BrokerLimits(128, 256, 7, 128 * 1024, 8, 50, 30, 1200, Duration.ofHours(1), 1_000_000, 100, 8);
        MessageBroker broker = new MessageBroker(limits, Clock.systemUTC());
        try (MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1",
                        Integer.parseInt(args[2]),
                        identity.serverContext(),
                        Optional.of(Integer.parseInt(args[1])),
                        8 << 20))) {
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
