package io.fleetdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Start-up of the built distribution, as a user meets it: wall time from process start to {@code serve}'s ready line
 * and to the console window's first frame, and resident memory once started. Each figure is the median of several
 * fresh starts (new data folder each time) after one untimed warm-up; a bare {@code java -version} is measured in
 * the same run as the baseline, since only ratios hold on a shared, noisy machine.
 *
 * <p>Run from the repository root after {@code ./fleetdeck version} has built the distribution; the gui figures need
 * a display: {@code xvfb-run -a -s "-screen 0 1920x1080x24" ./mvnw -q -pl bench compile exec:java@startup}.
 */
public final class StartupBenchmark {

    private static final long TIMEOUT_SECONDS = 120;
    /** Memory is read after the application has had a moment to settle past its first frame or ready line. */
    private static final long SETTLE_MILLIS = 1000;

    private final Path launcher;
    private final int runs;

    private StartupBenchmark(Path launcher, int runs) {
        this.launcher = launcher;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path launcher = findLauncher();
        System.out.printf(
                Locale.ROOT, "Fleetdeck start-up, %d runs each (median, min..max), launcher %s%n", runs, launcher);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s%n%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        StartupBenchmark bench = new StartupBenchmark(launcher, runs);
        Stats baseline = bench.baseline();
        report("baseline: java -version", baseline, null);
        Stats serve = bench.measure(List.of("serve"), true, line -> line.startsWith("fleetdeck ready"));
        report("serve: start to ready line", serve, baseline);
        if (System.getenv("DISPLAY") == null) {
            System.out.println("gui: skipped, no DISPLAY (run under xvfb-run)");
        } else {
            Stats gui = bench.measure(List.of("gui"), false, line -> line.contains("Console window shown"));
            report("gui: start to first frame", gui, baseline);
        }
    }

    private Stats baseline() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Sample> samples = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java.toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            if (run > 0) {
                samples.add(new Sample((System.nanoTime() - start) / 1_000_000.0, 0, 0));
            }
        }
        return new Stats(samples);
    }

    /** Starts the launcher {@code runs + 1} times (the first untimed) and waits for {@code ready} on stdout/stderr. */
    private Stats measure(List<String> command, boolean readyOnStdout, Predicate<String> ready) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            Path data = Files.createTempDirectory("fleetdeck-bench");
            List<String> args = new ArrayList<>(List.of(launcher.toString()));
            args.addAll(command);
            args.addAll(List.of("--data-dir", data.toString()));

            long start = System.nanoTime();
            Process process = new ProcessBuilder(args).start();
            CompletableFuture<Long> readyAt = new CompletableFuture<>();
            watch(process.getInputStream(), readyOnStdout ? ready : line -> false, readyAt);
            watch(process.getErrorStream(), readyOnStdout ? line -> false : ready, readyAt);
            long readyNanos = readyAt.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start;
            Thread.sleep(SETTLE_MILLIS);
            long rssKiB = residentKiB(process.pid());

            long stopStart = System.nanoTime();
            process.destroy();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " did not stop cleanly on SIGTERM");
            }
            double stopMillis = (System.nanoTime() - stopStart) / 1_000_000.0;
            if (run > 0) {
                samples.add(new Sample(readyNanos / 1_000_000.0, rssKiB, stopMillis));
            }
        }
        return new Stats(samples);
    }

    private static void watch(InputStream stream, Predicate<String> ready, CompletableFuture<Long> readyAt) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (ready.test(line)) {
                        readyAt.complete(System.nanoTime());
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
    }

    private static long residentKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static Path findLauncher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("app/target/fleetdeck/bin/fleetdeck");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no built distribution: run ./fleetdeck version first");
    }

    private static void report(String what, Stats stats, Stats baseline) {
        String ratio = baseline == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        "  (%.1fx baseline)",
                        stats.median(Sample::millis) / baseline.median(Sample::millis));
        System.out.printf(
                Locale.ROOT,
                "%-32s %7.0f ms  (%.0f..%.0f)%s%n",
                what,
                stats.median(Sample::millis),
                stats.min(Sample::millis),
                stats.max(Sample::millis),
                ratio);
        if (baseline != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %7.0f MiB (%.0f..%.0f)%n",
                    "  resident memory after start",
                    stats.median(Sample::rssMiB),
                    stats.min(Sample::rssMiB),
                    stats.max(Sample::rssMiB));
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %7.0f ms  (%.0f..%.0f)%n",
                    "  SIGTERM to exit 0",
                    stats.median(Sample::stopMillis),
                    stats.min(Sample::stopMillis),
                    stats.max(Sample::stopMillis));
        }
    }

    record Sample(double millis, long rssKiB, double stopMillis) {
        double rssMiB() {
            return rssKiB / 1024.0;
        }
    }

    record Stats(List<Sample> samples) {
        double median(ToDoubleFunction<Sample> figure) {
            double[] sorted = samples.stream().mapToDouble(figure).sorted().toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        double min(ToDoubleFunction<Sample> figure) {
            return samples.stream().mapToDouble(figure).min().orElse(Double.NaN);
        }

        double max(ToDoubleFunction<Sample> figure) {
            return samples.stream().mapToDouble(figure).max().orElse(Double.NaN);
        }
    }
}
