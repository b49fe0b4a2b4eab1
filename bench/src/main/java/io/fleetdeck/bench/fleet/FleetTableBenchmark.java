package io.fleetdeck.bench.fleet;

import atlantafx.base.theme.PrimerDark;
import io.fleetdeck.views.fleet.FleetFeed;
import io.fleetdeck.views.fleet.FleetUpdate;
import io.fleetdeck.views.fleet.FleetView;
import io.fleetdeck.views.fleet.FleetViewModel;
import io.fleetdeck.views.fleet.ThingColumn;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How long the Fleet table takes to load, sort and filter 100,000 things, split into the part on the fleet feed's
 * worker thread and the part on the JavaFX thread: the swap of the finished list into the table, and the swap with the
 * table's CSS and layout that the next frame needs. A window of 1280x800 is shown, so it needs a display
 * ({@code DISPLAY}, e.g. Xvfb). The JavaFX thread's part must stay under 50 ms.
 *
 * <p>Run: {@code DISPLAY=:1 bench/run fleet-table [--things 100000] [--rounds 10]}.
 */
public final class FleetTableBenchmark {

    private static final long FX_BUDGET_MILLIS = 50;
    private static final int WARM_UP = 3;

    private final BenchFleet fleet;
    private final int rounds;
    private Stage stage;
    private FleetViewModel model;
    private FleetView view;
    private FleetFeed feed;
    /** Set by a measurement before it asks; completed on the JavaFX thread once the answer is in the table. */
    private volatile Pending pending;

    @SuppressWarnings("NullAway.Init") // the window's parts are made on the JavaFX thread, before any round runs
    private FleetTableBenchmark(BenchFleet fleet, int rounds) {
        this.fleet = fleet;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        int things = intOption(args, "--things", 100_000);
        int rounds = intOption(args, "--rounds", 10);
        if (System.getenv("DISPLAY") == null && System.getProperty("os.name").startsWith("Linux")) {
            System.err.println("fleet-table shows a window: set DISPLAY (e.g. Xvfb :1 & DISPLAY=:1 bench/run ...)");
            System.exit(2);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> {
            // the console's theme: the view's stylesheet takes its colours from it
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            started.complete(null);
        });
        started.get(30, TimeUnit.SECONDS);
        FleetTableBenchmark bench = new FleetTableBenchmark(new BenchFleet(things), rounds);
        try {
            bench.run(things);
        } finally {
            Platform.exit();
        }
    }

    private void run(int things) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Fleet table: %,d things, a 1280x800 window, JavaFX %s (prism.order=%s), %d cores;"
                        + " median and max of %d rounds after %d warm-up rounds, in ms%n",
                things,
                System.getProperty("javafx.runtime.version"),
                System.getProperty("prism.order", "default"),
                Runtime.getRuntime().availableProcessors(),
                rounds,
                WARM_UP);
        System.out.printf(
                Locale.ROOT, "%-32s %18s   %18s   %18s%n", "", "off the FX thread", "FX: swap", "FX: swap + layout");
        System.out.printf(
                Locale.ROOT,
                "%-32s %8s %9s   %8s %9s   %8s %9s%n",
                "",
                "median",
                "max",
                "median",
                "max",
                "median",
                "max");
        List<Figures> all = new ArrayList<>();
        all.add(measure("load", round -> load()));
        all.add(measure(
                "sort by name (down, up)", round -> ask(() -> model.orderBy(ThingColumn.NAME, round % 2 == 1))));
        all.add(measure(
                "sort by last seen (down, up)",
                round -> ask(() -> model.orderBy(ThingColumn.LAST_SEEN, round % 2 == 1))));
        all.add(measure(
                "sort by firmware (down, up)",
                round -> ask(() -> model.orderBy(ThingColumn.FIRMWARE, round % 2 == 1))));
        all.add(measure("filter \"east-quay-b3\"", round -> {
            ask(() -> model.filterProperty().set(""));
            return ask(() -> model.filterProperty().set("east-quay-b3"));
        }));
        all.add(measure("filter cleared (back to all)", round -> {
            ask(() -> model.filterProperty().set("east-quay-b3"));
            return ask(() -> model.filterProperty().set(""));
        }));
        fx(() -> model.orderBy(ThingColumn.LAST_SEEN, false));
        awaitIdle();
        all.add(measure("live: 100 things reconnect", round -> live(round, 100)));
        all.add(measure("live: 1,000 things reconnect", round -> live(round, 1_000)));
        fx(() -> feed.close());

        long worst = all.stream().mapToLong(Figures::fxMax).max().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "The JavaFX thread's longest part: %.1f ms (budget %d ms): %s%n",
                worst / 1e6,
                FX_BUDGET_MILLIS,
                worst <= TimeUnit.MILLISECONDS.toNanos(FX_BUDGET_MILLIS) ? "within" : "OVER");
    }

    /** One answer: when it was asked, when the worker handed it over, and the JavaFX thread's two parts. */
    private record Sample(long offFx, long swap, long swapAndLayout) {}

    private record Figures(String name, long[] offFx, long[] swap, long[] layout) {
        long fxMax() {
            return Math.max(max(swap), max(layout));
        }
    }

    @FunctionalInterface
    private interface Round {
        Sample run(int round) throws Exception;
    }

    private Figures measure(String name, Round round) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            round.run(i);
        }
        long[] offFx = new long[rounds];
        long[] swap = new long[rounds];
        long[] layout = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Sample sample = round.run(i + WARM_UP);
            offFx[i] = sample.offFx();
            swap[i] = sample.swap();
            layout[i] = sample.swapAndLayout();
        }
        Figures figures = new Figures(name, offFx, swap, layout);
        System.out.printf(
                Locale.ROOT,
                "%-32s %8.1f %9.1f   %8.1f %9.1f   %8.1f %9.1f%n",
                name,
                median(offFx) / 1e6,
                max(offFx) / 1e6,
                median(swap) / 1e6,
                max(swap) / 1e6,
                median(layout) / 1e6,
                max(layout) / 1e6);
        return figures;
    }

    /** A new table and feed read the whole fleet; the answer is the first update. */
    private Sample load() throws Exception {
        if (feed != null) {
            feed.close();
        }
        Pending waiting = new Pending(System.nanoTime());
        pending = waiting;
        fx(() -> {
            Clock clock = Clock.fixed(BenchFleet.NOW, ZoneOffset.UTC);
            feed = new FleetFeed(fleet, fleet.events, handOver());
            model = new FleetViewModel(feed, clock);
            view = new FleetView(model, name -> {});
            if (stage == null) {
                stage = new Stage();
                stage.setScene(new Scene((Parent) view.node(), 1280, 800));
                stage.getScene()
                        .getStylesheets()
                        .add(Objects.requireNonNull(FleetView.class.getResource("/io/fleetdeck/views/console.css"))
                                .toExternalForm());
                stage.show();
            } else {
                stage.getScene().setRoot((Parent) view.node());
            }
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            waiting.asked = System.nanoTime();
            feed.start(timed(model::apply));
        });
        return waiting.done.get(60, TimeUnit.SECONDS);
    }

    /** Runs {@code question} on the JavaFX thread and waits for its answer in the table. */
    private Sample ask(Runnable question) throws Exception {
        Pending waiting = new Pending(0);
        pending = waiting;
        fx(() -> {
            waiting.asked = System.nanoTime();
            question.run();
            if (!model.workingProperty().get()) {
                // nothing to do (the same query again): no answer is coming
                waiting.done.complete(new Sample(0, 0, 0));
            }
        });
        return waiting.done.get(60, TimeUnit.SECONDS);
    }

    /** {@code count} things reconnect; the feed reads them within its batch interval and patches or swaps. */
    private Sample live(int round, int count) throws Exception {
        Pending waiting = new Pending(0);
        waiting.live = true;
        pending = waiting;
        fleet.reconnect(round * count % 90_000, count, BenchFleet.NOW.plusSeconds(60L + round));
        return waiting.done.get(60, TimeUnit.SECONDS);
    }

    private void awaitIdle() throws Exception {
        Pending waiting = new Pending(0);
        pending = waiting;
        fx(() -> {
            if (!model.workingProperty().get()) {
                waiting.done.complete(new Sample(0, 0, 0));
            }
        });
        waiting.done.get(60, TimeUnit.SECONDS);
    }

    private static final class Pending {
        volatile long asked;
        volatile long handed;
        volatile boolean live;
        final CompletableFuture<Sample> done = new CompletableFuture<>();

        Pending(long asked) {
            this.asked = asked;
        }
    }

    /** The JavaFX thread as the feed sees it, noting when the worker hands an update over. */
    private java.util.concurrent.Executor handOver() {
        return task -> {
            Pending waiting = pending;
            if (waiting != null) {
                waiting.handed = System.nanoTime();
            }
            Platform.runLater(task);
        };
    }

    /** The view model's apply, timed: the swap alone, then with the CSS and layout the next frame needs. */
    private Consumer<FleetUpdate> timed(Consumer<FleetUpdate> apply) {
        return update -> {
            long start = System.nanoTime();
            apply.accept(update);
            long swapped = System.nanoTime();
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            long laidOut = System.nanoTime();
            Pending waiting = pending;
            if (waiting != null && !model.workingProperty().get()) {
                long from = waiting.live ? fleet.changedReadAt : waiting.asked;
                waiting.done.complete(new Sample(waiting.handed - from, swapped - start, laidOut - start));
            }
        };
    }

    private static void fx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
