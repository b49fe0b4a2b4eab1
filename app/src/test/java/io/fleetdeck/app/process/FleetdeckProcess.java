package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;

/**
 * The real {@code fleetdeck} launcher of the built distribution, run as its own process: what a script or an operator
 * starts. Collects stdout and stderr line by line; {@link #close()} kills whatever is left so a failing test never
 * leaves a process behind.
 */
final class FleetdeckProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private FleetdeckProcess(Process process) {
        this.process = process;
        collect(process.getInputStream(), stdout, "stdout");
        collect(process.getErrorStream(), stderr, "stderr");
    }

    /** A TCP port free right now on 127.0.0.1, for a plain MQTT listener. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static FleetdeckProcess start(String... args) throws IOException {
        return start(env -> {}, args);
    }

    static FleetdeckProcess start(Consumer<Map<String, String>> environment, String... args) throws IOException {
        return start(List.of(), environment, args);
    }

    /**
     * Started as a German-speaking user's shell starts it: LANG and LC_ALL say German, and nothing else does; the
     * launcher tells the JVM, which would fall back to English where the German locale is not installed (as in a
     * bare container).
     */
    static FleetdeckProcess startInGerman(String... args) throws IOException {
        return start(
                env -> {
                    env.put("LC_ALL", "de_DE.UTF-8");
                    env.put("LANG", "de_DE.UTF-8");
                },
                args);
    }

    /** Started the way service scripts do, under timeout(1), which passes signals on to its whole process group. */
    static FleetdeckProcess startUnderTimeout(String... args) throws IOException {
        return start(List.of("timeout", "120"), env -> {}, args);
    }

    /** Started under a wrapper command such as {@code prlimit --nofile=N:N --}. */
    static FleetdeckProcess startUnder(List<String> wrapper, String... args) throws IOException {
        return start(wrapper, env -> {}, args);
    }

    /** Started with a soft limit of {@code softLimit} open files (hard limit unchanged), through prlimit(1). */
    static FleetdeckProcess startWithOpenFileLimit(
            int softLimit, Consumer<Map<String, String>> environment, String... args) throws IOException {
        return start(List.of("prlimit", "--nofile=" + softLimit + ":", "--"), environment, args);
    }

    /** Started in {@code workingFolder}, as from a shell whose current folder it is. */
    static FleetdeckProcess startIn(Path workingFolder, String... args) throws IOException {
        return start(List.of(), env -> {}, workingFolder, args);
    }

    private static FleetdeckProcess start(
            List<String> wrapper, Consumer<Map<String, String>> environment, String... args) throws IOException {
        return start(wrapper, environment, null, args);
    }

    private static FleetdeckProcess start(
            List<String> wrapper, Consumer<Map<String, String>> environment, Path workingFolder, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        Path launcher = launcher();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingFolder != null) {
            builder.directory(workingFolder.toFile());
        }
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the words a test reads are English wherever it runs, unless it asks for another locale itself
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("FLEETDECK_JAVA_OPTS", ClassDataArchive.javaOptions(launcher));
        environment.accept(builder.environment());
        return new FleetdeckProcess(builder.start());
    }

    /** Runs a command on {@code dataFolder} to its end: the identity, registry and shadow commands. */
    static FleetdeckProcess runOn(Path dataFolder, String... args) throws IOException, InterruptedException {
        String[] withFolder = new String[args.length + 2];
        System.arraycopy(args, 0, withFolder, 0, args.length);
        withFolder[args.length] = "--data-dir";
        withFolder[args.length + 1] = dataFolder.toString();
        FleetdeckProcess process = start(withFolder);
        process.awaitExit();
        return process;
    }

    static Path launcher() {
        String configured = System.getProperty("fleetdeck.launcher");
        assertThat(configured)
                .as("failsafe passes the launcher of the built distribution")
                .isNotNull();
        Path launcher = Path.of(configured);
        assertThat(Files.isExecutable(launcher))
                .as("%s is built and executable", launcher)
                .isTrue();
        return launcher;
    }

    /** Waits for stdout to show a line that starts with {@code prefix} and returns it. */
    String awaitStdoutLine(String prefix) {
        return awaitLine(stdout, prefix, "stdout");
    }

    String awaitStderrLineContaining(String text) {
        Awaitility.await("stderr to contain " + text)
                .atMost(START_TIMEOUT)
                .until(() -> stderr.stream().anyMatch(line -> line.contains(text)) || !process.isAlive());
        return stderr.stream()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "exited (" + process.exitValue() + ") before printing '" + text + "'; stderr: " + stderr));
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("fleetdeck exits; stderr so far: %s", stderr)
                .isTrue();
        return process.exitValue();
    }

    /** SIGKILL to the whole process tree: a crash or a power cut as far as the process can tell. */
    void killHard() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    long pid() {
        return process.pid();
    }

    List<String> stdout() {
        return stdout;
    }

    List<String> stderr() {
        return stderr;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String awaitLine(List<String> lines, String prefix, String stream) {
        Awaitility.await(stream + " to show '" + prefix + "'")
                .atMost(START_TIMEOUT)
                .until(() -> lines.stream().anyMatch(line -> line.startsWith(prefix)) || !process.isAlive());
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "exited (" + process.exitValue() + ") before printing '" + prefix + "'; stderr: " + stderr));
    }

    private static void collect(InputStream stream, List<String> into, String name) {
        Thread.ofVirtual().name("fleetdeck-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(into::add);
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        });
    }
}
