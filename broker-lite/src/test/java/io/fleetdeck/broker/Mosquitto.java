package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto_pub and mosquitto_sub, an MQTT implementation independent of ours. */
final class Mosquitto {

    private Mosquitto() {}

    /** Runs mosquitto_pub to completion and returns its exit code and output. */
    static Result pub(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("timeout", "30", "mosquitto_pub"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Starts mosquitto_sub; its output lines collect in {@link Subscriber#lines()}. */
    static Subscriber sub(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("timeout", "60", "stdbuf", "-oL", "mosquitto_sub"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Subscriber subscriber = new Subscriber(process, new CopyOnWriteArrayList<>());
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(subscriber.lines::add);
            } catch (IOException ignored) {
                // ended
            }
        });
        return subscriber;
    }

    record Result(int exitCode, String output) {}

    record Subscriber(Process process, List<String> lines) implements AutoCloseable {
        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }

        /** SIGKILL to mosquitto_sub itself (under timeout and stdbuf): the connection drops without DISCONNECT. */
        void killAbruptly() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }

        @Override
        public void close() {
            killAbruptly();
            process.destroyForcibly();
        }
    }
}
