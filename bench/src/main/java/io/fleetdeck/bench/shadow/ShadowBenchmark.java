package io.fleetdeck.bench.shadow;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.ShadowService;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Durable shadow updates (issue #6): a direct sqlite-jdbc baseline (WAL, synchronous=FULL, one writer committing
 * queued updates in groups), the shadow store path alone, and end to end over MQTT with 1,000 things each on its own
 * connection — as fast as they can (each thing sends its next update when the last is accepted) and at a steady 10k
 * updates/s under AWS's per-thing limits. With {@code --readers N}, N threads re-read every classic shadow (the Fleet
 * table's refresh) throughout the measured store-path and steady runs; {@code --table-things N} first gives N more
 * things a shadow each, so that a refresh reads a large fleet while only {@code --things} update. Args: [--things N]
 * [--seconds S] [--rate R] [--readers N] [--table-things N].
 */
public final class ShadowBenchmark {

    private static final int WARM_UP_SECONDS = 5;

    /** Things given a shadow before a run, beside the ones that update: what the table's refresh reads. */
    private static int tableThings;

    private ShadowBenchmark() {}

    public static void main(String[] args) throws Exception {
        int things = intOption(args, "--things", 1000);
        int seconds = intOption(args, "--seconds", 15);
        int rate = intOption(args, "--rate", 10_000);
        int readers = intOption(args, "--readers", 0);
        tableThings = intOption(args, "--table-things", 0);
        Path folder = Files.createTempDirectory("fleetdeck-shadow-bench");
        System.out.printf(
                Locale.ROOT, "Shadow benchmark: %d things, %d s per run, store in %s%n", things, seconds, folder);

        DirectSqliteBaseline.updatesPerSecond(folder.resolve("baseline-warm-up.db"), things, 100_000, 100);
        double grouped = DirectSqliteBaseline.updatesPerSecond(folder.resolve("baseline-100.db"), things, 200_000, 100);
        double single = DirectSqliteBaseline.updatesPerSecond(folder.resolve("baseline-1.db"), things, 3_000, 1);
        System.out.printf(Locale.ROOT, "baseline  sqlite-jdbc direct, groups of 100: %,.0f updates/s%n", grouped);
        System.out.printf(
                Locale.ROOT, "baseline  sqlite-jdbc direct, one commit per update: %,.0f updates/s%n", single);

        // the store path and the unthrottled MQTT run lift AWS's 20 requests/s per thing to find the ceiling
        ShadowLimits unthrottled = ShadowLimits.awsDefaults().withRequestsPerSecondPerThing(1_000_000);
        for (StoreUnderTest store : StoreUnderTest.available(folder)) {
            System.out.printf(Locale.ROOT, "-- %s%n", store.name());
            storePath(store, unthrottled, things, seconds, grouped, readers);
            overMqtt(store, "mqtt-max", unthrottled, things, seconds, 0, 0);
            overMqtt(store, "mqtt-steady", ShadowLimits.awsDefaults(), things, seconds, rate, readers);
        }
    }

    private static void storePath(
            StoreUnderTest store, ShadowLimits limits, int things, int seconds, double grouped, int readers)
            throws Exception {
        try (Database database = store.open("store-path");
                Shadows shadows = new Shadows(database, Clock.systemUTC(), limits)) {
            seedTable(shadows);
            new StorePathLoad(shadows, things).run(WARM_UP_SECONDS);
            StorePathLoad.Result result;
            String beside;
            try (TableReaders tables = new TableReaders(shadows, readers)) {
                result = new StorePathLoad(shadows, things).run(seconds);
                beside = tables.summary();
            }
            System.out.printf(
                    Locale.ROOT,
                    "store     Shadows.submitUpdate, %d things, one in flight each: %,.0f updates/s (%.2f of the"
                            + " SQLite grouped baseline), %s, refused %d%s%n",
                    things,
                    result.updatesPerSecond(),
                    result.updatesPerSecond() / grouped,
                    result.latencies().summary(),
                    result.refused(),
                    beside);
        }
    }

    /** rate 0: each thing sends its next update when the last is answered; otherwise a steady total rate. */
    private static void overMqtt(
            StoreUnderTest store, String runName, ShadowLimits limits, int things, int seconds, int rate, int readers)
            throws Exception {
        Path pki = Files.createDirectories(store.folder().resolve("pki"));
        ServerIdentity identity = ServerIdentity.loadOrCreate(pki, pki.resolve("ca.pem"), Clock.systemUTC());
        BrokerLimits brokerLimits =
                new BrokerLimits(128, 256, 7, 128 * 1024, 8, 50, 30, 1200, Duration.ofHours(1), 1_000_000, 100, 8);
        MessageBroker broker = new MessageBroker(brokerLimits, Clock.systemUTC());
        try (Database database = store.open(runName);
                Shadows shadows = new Shadows(database, Clock.systemUTC(), limits);
                ShadowService service = ShadowService.start(broker, shadows);
                MqttServer server = MqttServer.start(
                        broker,
                        new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 64 << 20));
                ShadowDevices devices =
                        new ShadowDevices(server.plainAddress().orElseThrow().getPort(), things)) {
            if (readers > 0) {
                seedTable(shadows);
            }
            MqttRun run = rate == 0 ? new MqttRun.AsFastAsAnswered(devices) : new MqttRun.Steady(devices, rate);
            run.measure(WARM_UP_SECONDS);
            MqttRun.Result result;
            String beside;
            try (TableReaders tables = new TableReaders(shadows, readers)) {
                result = run.measure(seconds);
                beside = tables.summary();
            }
            System.out.printf(
                    Locale.ROOT,
                    "mqtt      %s, %d things: %,.0f accepted/s, rejected %d, update→accepted %s%s%n",
                    rate == 0
                            ? "as fast as answered, one in flight each"
                            : String.format(Locale.ROOT, "steady %,d/s", rate),
                    things,
                    result.acceptedPerSecond(),
                    result.rejected(),
                    result.latencies().summary(),
                    beside);
        }
    }

    /** Gives {@link #tableThings} more things a shadow each, 1,000 updates in flight at a time. */
    private static void seedTable(Shadows shadows) throws Exception {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < tableThings; i++) {
            inFlight.add(shadows.submitUpdate("table-thing-" + i, "", ShadowPayloads.report(i, System.nanoTime())));
            if (inFlight.size() == 1000) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get();
                inFlight.clear();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static void pause(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }
}
