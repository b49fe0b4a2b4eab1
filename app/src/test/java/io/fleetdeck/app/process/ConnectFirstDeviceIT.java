package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.fleetdeck.app.docs.GuideBlocks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/connect-first-device.md, as a reader follows it: every marked block run as written in one empty folder against
 * one real {@code fleetdeck serve}, with only the ports 8883 and 1883 changed to free ones (issue 15, defect 17).
 */
class ConnectFirstDeviceIT {

    @TempDir
    static Path folder;

    /** What npm says when it cannot reach its registry at all (no network), as against a failed install. */
    private static final Pattern UNREACHABLE =
            Pattern.compile("ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH");

    private static GuideBlocks guide;
    private static Process serve;

    @BeforeAll
    static void addTheDeviceAndStartTheBrokerAsTheGuideSays() throws Exception {
        Path path = GuideBlocks.guide("connect-first-device.md");
        String text = Files.readString(path)
                .replace("8883", Integer.toString(FleetdeckProcess.freePort()))
                .replace("1883", Integer.toString(FleetdeckProcess.freePort()));
        guide = GuideBlocks.of(path, text);

        assertThat(run("device-add").exitCode()).isZero();
        assertThat(folder.resolve("pump-7")).isDirectoryContaining("glob:**/pump-7.private.key");
        serve = shell("exec " + guide.block("serve").text(), "serve").start();
        awaitReady();
    }

    @AfterAll
    static void stopTheBroker() throws Exception {
        if (serve != null) {
            serve.toHandle().descendants().forEach(ProcessHandle::destroy);
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void theMosquittoClientsPublishAsTheDeviceAndUpdateItsShadow() throws Exception {
        Process watcher =
                shell(guide.block("mosquitto-watch").text(), "mosquitto-watch").start();
        try {
            // the watcher subscribes in its own time: publish until it has heard one message
            for (int attempt = 0; attempt < 15 && !watcher.waitFor(1, TimeUnit.SECONDS); attempt++) {
                assertThat(run("mosquitto-publish").exitCode()).isZero();
            }
            assertThat(watcher.waitFor(5, TimeUnit.SECONDS))
                    .as("the watcher heard the device")
                    .isTrue();
            assertThat(output("mosquitto-watch")).contains("dt/pump-7/telemetry {\"temperature\":21.5}");
        } finally {
            watcher.destroyForcibly();
        }

        Outcome update = run("mosquitto-shadow-update");
        assertThat(update.exitCode()).isZero();
        assertThat(update.output()).contains("\"firmwareVersion\"").contains("\"version\"");
        Outcome get = run("mosquitto-shadow-get");
        assertThat(get.exitCode()).isZero();
        assertThat(get.output()).contains("\"reported\"").contains("\"firmwareVersion\":\"1.0.0\"");
    }

    @Test
    void theJavaSdkDevicePublishesAndUpdatesItsShadow() throws Exception {
        GuideBlocks.Block source = guide.block("java-source");
        Files.writeString(folder.resolve(source.file()), source.text());

        Outcome device = run("java-run");

        assertThat(device.exitCode()).as(device.output()).isZero();
        assertThat(device.output())
                .contains("received {\"temperature\":21.5}")
                .contains(
                        "shadow accepted {\"state\":{\"reported\":{\"temperature\":22.0,\"firmwareVersion\":\"1.0.1\"}}");
    }

    @Test
    void theJavaScriptSdkDevicePublishesAndUpdatesItsShadow() throws Exception {
        Outcome install = run("js-install");
        assumeFalse(
                install.exitCode() != 0 && UNREACHABLE.matcher(install.output()).find(),
                "npm cannot reach its registry here, so the JavaScript SDK cannot be installed: " + install.output());
        assertThat(install.exitCode())
                .as("npm installs the SDK: %s", install.output())
                .isZero();
        GuideBlocks.Block source = guide.block("js-source");
        Files.writeString(folder.resolve(source.file()), source.text());

        Outcome device = run("js-run");

        assertThat(device.exitCode()).as(device.output()).isZero();
        assertThat(device.output())
                .contains("received {\"temperature\":21.5}")
                .contains(
                        "shadow accepted {\"state\":{\"reported\":{\"temperature\":22.5,\"firmwareVersion\":\"1.0.2\"}}");
    }

    @Test
    void aDeviceWithTheClaimBundleProvisionsItselfAsTheProvisioningGuideSays() throws Exception {
        Path path = GuideBlocks.guide("provisioning.md");
        String port = guide.block("serve").text().replaceAll(".*--mqtts-port (\\d+).*", "$1");
        GuideBlocks provisioning = GuideBlocks.of(path, Files.readString(path).replace("8883", port));
        Path factory = Files.createDirectories(folder.resolve("factory"));
        for (String file : List.of("claim.cert.pem", "claim.private.key", "root-ca.pem")) {
            Files.copy(folder.resolve("fd-data/provisioning").resolve(file), factory.resolve(file));
        }

        Process process = shell(provisioning.block("provision").text(), "provision", factory)
                .start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output("provision")).isZero();
        assertThat(output("provision")).contains("{\"deviceConfiguration\":{},\"thingName\":\"pump-301\"}");
        assertThat(Files.readString(factory.resolve("pump-301.private.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    private record Outcome(int exitCode, String output) {}

    /** Runs the block {@code key} to its end, at most two minutes (npm install is the slowest). */
    private static Outcome run(String key) throws Exception {
        Process process = shell(guide.block(key).text(), key).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("'%s' ends; it printed %s", key, output(key)).isTrue();
        return new Outcome(process.exitValue(), output(key));
    }

    /** bash in the guide's folder, with fleetdeck, this JDK's java and the SDK's class path as the guide assumes. */
    private static ProcessBuilder shell(String script, String key) {
        return shell(script, key, folder);
    }

    private static ProcessBuilder shell(String script, String key, Path workingFolder) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script)
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(key + ".out").toFile());
        Map<String, String> environment = builder.environment();
        String javaHome = System.getProperty("java.home");
        environment.put("JAVA_HOME", javaHome);
        environment.put(
                "PATH",
                String.join(
                        File.pathSeparator,
                        List.of(
                                FleetdeckProcess.launcher().getParent().toString(),
                                Path.of(javaHome, "bin").toString(),
                                environment.getOrDefault("PATH", "/usr/bin:/bin"))));
        environment.put("SDK_CLASSPATH", System.getProperty("java.class.path"));
        return builder;
    }

    private static String output(String key) throws Exception {
        Path file = folder.resolve(key + ".out");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void awaitReady() {
        await().atMost(FleetdeckProcess.START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(serve.isAlive())
                            .as("serve runs; it printed %s", output("serve"))
                            .isTrue();
                    return output("serve").contains("fleetdeck ready");
                });
    }
}
