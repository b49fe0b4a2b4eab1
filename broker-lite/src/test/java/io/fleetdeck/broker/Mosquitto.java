package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto_pub and mosquitto_sub, an MQTT implementation independent of ours. */
public final class Mosquitto {

    private Mosquitto() {}

    /** Runs mosquitto_pub to completion and returns its exit code and output. */
    public static Result pub(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("timeout", "30", "mosquitto_pub"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Runs mosquitto_pub with {@code input} on its standard input (for {@code -l}: one message a line). */
    public static Result pubWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("timeout", "30", "mosquitto_pub"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Starts mosquitto_sub; its output lines collect in {@link Subscriber#lines()}. */
    public static Subscriber sub(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("timeout", "60", "stdbuf", "-oL", "mosquitto_sub"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // ended
            }
        });
        return new Subscriber(process, lines, reader);
    }

    public record Result(int exitCode, String output) {}

    public record Subscriber(Process process, List<String> lines, Thread reader) implements AutoCloseable {
        /** Waits for mosquitto_sub to end and for its last line to be read. */
        public int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(10));
            return process.exitValue();
        }

        /** SIGKILL to mosquitto_sub itself (under timeout and stdbuf): the connection drops without DISCONNECT. */
        public void killAbruptly() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }

        @Override
        public void close() {
            killAbruptly();
            process.destroyForcibly();
        }
    }
}
