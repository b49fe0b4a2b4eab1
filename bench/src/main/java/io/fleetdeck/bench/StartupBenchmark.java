package io.fleetdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Start-up of Fleetdeck as a user meets it: wall time from process start to {@code serve}'s ready line and to the
 * console window's first frame, resident memory once started, and SIGTERM to exit. Each figure is the median of
 * several fresh starts (a new data folder each) after one untimed warm-up; a bare {@code java -version} is measured
 * in the same run as the baseline, since only ratios hold on a shared, noisy machine. With {@code --compare-aot}
 * every start is made twice, interleaved: as shipped, and with the AOT cache switched off.
 *
 * <p>Usage (the gui figures need a display): {@code xvfb-run -a -s "-screen 0 1920x1080x24" bench/run startup
 * [--runs 5] [--launcher PATH] [--compare-aot]}. The default launcher is the
 * built distribution, {@code app/target/fleetdeck/bin/fleetdeck}; an installed one is {@code /opt/fleetdeck/bin/Fleetdeck}.
 */
public final class StartupBenchmark {

    private static final long TIMEOUT_SECONDS = 120;
    /** Memory is read after the application has had a moment to settle past its first frame or ready line. */
    private static final long SETTLE_MILLIS = 1000;

    private record Variant(String name, Map<String, String> environment) {}

    private record Mode(String name, List<String> arguments, boolean readyOnStdout, Predicate<String> ready) {}

    private record Sample(double millis, long rssKiB, double stopMillis) {
        double rssMiB() {
            return rssKiB / 1024.0;
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path launcher = null;
        List<Variant> variants = new ArrayList<>(List.of(new Variant("as built", Map.of())));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]);
                case "--compare-aot" ->
                    variants = List.of(
                            new Variant("with AOT cache", Map.of()),
                            new Variant("without AOT cache", Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=off")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        launcher = launcher == null ? builtLauncher() : launcher;
        System.out.printf(Locale.ROOT, "Fleetdeck start-up: %s, %d runs each (median, min..max)%n", launcher, runs);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, harness on Java %s%n%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        List<Mode> modes = new ArrayList<>();
        modes.add(new Mode(
                "serve: start to ready line", List.of("serve"), true, line -> line.startsWith("fleetdeck ready")));
        if (System.getenv("DISPLAY") != null) {
            modes.add(new Mode(
                    "gui: start to first frame", List.of("gui"), false, line -> line.contains("Console window shown")));
        } else {
            System.out.println("gui: skipped, no DISPLAY (run under xvfb-run)");
        }

        List<Sample> baseline = new ArrayList<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int run = 0; run <= runs; run++) {
            Sample jvm = startJvm();
            if (run > 0) {
                baseline.add(jvm);
            }
            for (Mode mode : modes) {
                for (Variant variant : variants) {
                    Sample sample = start(launcher, mode, variant);
                    if (run > 0) {
                        samples.computeIfAbsent(mode.name() + " (" + variant.name() + ")", k -> new ArrayList<>())
                                .add(sample);
                    }
                }
            }
        }

        double base = median(baseline, Sample::millis);
        System.out.printf(
                Locale.ROOT,
                "%-52s %7.0f ms  (%.0f..%.0f)%n",
                "baseline: java -version",
                base,
                min(baseline, Sample::millis),
                max(baseline, Sample::millis));
        samples.forEach((name, figures) -> report(name, figures, base));
    }

    private static Sample startJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return new Sample((System.nanoTime() - start) / 1_000_000.0, 0, 0);
    }

    private static Sample start(Path launcher, Mode mode, Variant variant) throws Exception {
        Path data = Files.createTempDirectory("fleetdeck-bench");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(mode.arguments());
        command.addAll(List.of("--data-dir", data.toString(), "--mqtts-port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(variant.environment());

        long start = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Long> readyAt = new CompletableFuture<>();
        watch(process.getInputStream(), mode.readyOnStdout() ? mode.ready() : line -> false, readyAt);
        watch(process.getErrorStream(), mode.readyOnStdout() ? line -> false : mode.ready(), readyAt);
        long readyNanos = readyAt.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start;
        Thread.sleep(SETTLE_MILLIS);
        long rssKiB = residentKiB(process.pid());

        long stopStart = System.nanoTime();
        process.destroy();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " did not stop cleanly on SIGTERM");
        }
        return new Sample(readyNanos / 1_000_000.0, rssKiB, (System.nanoTime() - stopStart) / 1_000_000.0);
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
                // the process ended
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

    private static Path builtLauncher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("app/target/fleetdeck/bin/fleetdeck");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no built distribution: run ./fleetdeck version first");
    }

    private static void report(String name, List<Sample> figures, double baseline) {
        System.out.printf(
                Locale.ROOT,
                "%-52s %7.0f ms  (%.0f..%.0f)  %.1fx baseline%n",
                name,
                median(figures, Sample::millis),
                min(figures, Sample::millis),
                max(figures, Sample::millis),
                median(figures, Sample::millis) / baseline);
        System.out.printf(
                Locale.ROOT,
                "%-52s %7.0f MiB (%.0f..%.0f)%n",
                "  resident memory 1 s after",
                median(figures, Sample::rssMiB),
                min(figures, Sample::rssMiB),
                max(figures, Sample::rssMiB));
        System.out.printf(
                Locale.ROOT,
                "%-52s %7.0f ms  (%.0f..%.0f)%n",
                "  SIGTERM to exit 0",
                median(figures, Sample::stopMillis),
                min(figures, Sample::stopMillis),
                max(figures, Sample::stopMillis));
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        double[] sorted = samples.stream().mapToDouble(figure).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return samples.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return samples.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }
}
