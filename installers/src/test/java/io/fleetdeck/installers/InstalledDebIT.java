package io.fleetdeck.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as a technician installs it: {@code dpkg -i} as root, then the installed launcher's {@code serve} and
 * console window, then {@code dpkg -r}. Installs into /opt, so it runs only where that is wanted (CI).
 */
@Tag("installs-system-package")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledDebIT {

    private static final Path INSTALLED = Path.of("/opt/fleetdeck");
    private static final Path LAUNCHER = INSTALLED.resolve("bin/Fleetdeck");
    private static final Path COMMAND = Path.of("/usr/bin/fleetdeck");
    private static final Duration START = Duration.ofSeconds(90);

    /** Stands in for users' home folders: per-user data goes under it through XDG_DATA_HOME. */
    @TempDir
    static Path home;

    private static Map<String, String> installedFiles;

    @BeforeAll
    static void install() throws Exception {
        Command.succeed("dpkg", "-i", Installers.deb().toString());
        installedFiles = listing(INSTALLED);
    }

    @AfterAll
    static void removeIfStillInstalled() throws Exception {
        if (Files.exists(LAUNCHER)) {
            Command.run("dpkg", "-r", "fleetdeck");
        }
    }

    @Test
    @Order(1)
    void theInstallAddsTheLauncherTheCommandAndTheMenuEntry() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        assertThat(Files.readSymbolicLink(COMMAND)).isEqualTo(LAUNCHER);
        assertThat(Path.of("/usr/share/applications/fleetdeck-Fleetdeck.desktop"))
                .exists();
        assertThat(Command.succeed(COMMAND.toString(), "version")).startsWith("fleetdeck ");
    }

    @Test
    @Order(2)
    void installedServeSaysReadyAndStopsCleanly() throws Exception {
        Path data = home.resolve("serve-data");
        try (Launched serve = Launched.start(
                Map.of(), LAUNCHER.toString(), "serve", "--data-dir", data.toString(), "--mqtts-port", "0")) {
            assertThat(serve.awaitStdout("fleetdeck ready"))
                    .startsWith("fleetdeck ready mqtts=127.0.0.1:")
                    .endsWith(" data=" + data);
            serve.terminate();
            assertThat(serve.awaitExit()).isZero();
            assertThat(serve.stdout()).hasSize(1);
        }
        assertThat(data.resolve("fleetdeck.lock")).doesNotExist();
    }

    @Test
    @Order(3)
    void withoutDataDirTheInstalledAppUsesThePerUserDataFolder() throws Exception {
        Path userData = Files.createDirectories(home.resolve("ana/.local/share"));
        Map<String, String> env = Map.of("XDG_DATA_HOME", userData.toString());
        try (Launched serve = Launched.start(env, COMMAND.toString(), "serve", "--mqtts-port", "0")) {
            assertThat(serve.awaitStdout("fleetdeck ready")).endsWith(" data=" + userData.resolve("fleetdeck"));
            serve.terminate();
            assertThat(serve.awaitExit()).isZero();
        }
    }

    @Test
    @Order(4)
    void theInstalledConsoleOpensAWindowThatIsNotBlank() throws Exception {
        assertThat(System.getenv("DISPLAY"))
                .as("a display (./test starts Xvfb)")
                .isNotBlank();
        Path userData = Files.createDirectories(home.resolve("ben/.local/share"));
        Path javafxCacheInHome = Path.of(System.getProperty("user.home"), ".openjfx");
        Map<String, String> before = Files.exists(javafxCacheInHome) ? listing(javafxCacheInHome) : Map.of();
        Map<String, String> env = Map.of("XDG_DATA_HOME", userData.toString());
        try (Launched gui = Launched.start(env, LAUNCHER.toString(), "--mqtts-port", "0")) {
            gui.awaitStderr("Console window shown");
            // the first layout pulse is logged as the window is mapped; the X server may paint it a moment later
            Path file = Path.of("target/screenshots/installed-console.png");
            Awaitility.await("a drawn window on the screen")
                    .atMost(START)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> distinctColours(screenshot(file)) > 16);

            gui.terminate();
            assertThat(gui.awaitExit()).isZero();
        }
        assertThat(userData.resolve("fleetdeck/settings.json")).exists();
        assertThat(userData.resolve("fleetdeck/cache/javafx"))
                .as("JavaFX loads its native libraries from the runtime image, extracting nothing")
                .doesNotExist();
        assertThat(Files.exists(javafxCacheInHome) ? listing(javafxCacheInHome) : Map.of())
                .as("nothing written to ~/.openjfx")
                .isEqualTo(before);
    }

    @Test
    @Order(5)
    void runningTheApplicationWritesNothingIntoItsInstallationFolder() throws Exception {
        assertThat(listing(INSTALLED)).isEqualTo(installedFiles);
    }

    @Test
    @Order(6)
    void uninstallingRemovesTheApplicationAndLeavesTheUsersDataAlone() throws Exception {
        Path userData = home.resolve("ana/.local/share/fleetdeck");
        assertThat(userData).isDirectory();

        Command.succeed("dpkg", "-r", "fleetdeck");

        assertThat(INSTALLED).doesNotExist();
        assertThat(COMMAND).doesNotExist();
        assertThat(Path.of("/usr/share/applications/fleetdeck-Fleetdeck.desktop"))
                .doesNotExist();
        assertThat(userData.resolve("logs/fleetdeck.log")).exists();
    }

    private static Map<String, String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.collect(
                    Collectors.toMap(Path::toString, file -> describe(file), (a, b) -> a, java.util.TreeMap::new));
        }
    }

    private static String describe(Path file) {
        try {
            return Files.isDirectory(file)
                    ? "dir"
                    : Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private static BufferedImage screenshot(Path file) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage image = new Robot().createScreenCapture(screen);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return image;
    }

    private static long distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The installed launcher started under timeout(1), with its output collected line by line. */
    private record Launched(Process process, List<String> stdout, List<String> stderr) implements AutoCloseable {

        static Launched start(Map<String, String> env, String... command) throws IOException {
            List<String> line = new ArrayList<>(List.of("timeout", "120"));
            line.addAll(List.of(command));
            ProcessBuilder builder = new ProcessBuilder(line);
            builder.environment().remove("JAVA_HOME");
            builder.environment().remove("XDG_DATA_HOME");
            builder.environment().putAll(env);
            Process process = builder.start();
            Launched launched = new Launched(process, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            collect(process.getInputStream(), launched.stdout);
            collect(process.getErrorStream(), launched.stderr);
            return launched;
        }

        String awaitStdout(String prefix) {
            return await(stdout, prefix);
        }

        String awaitStderr(String text) {
            return await(stderr, text);
        }

        private String await(List<String> lines, String text) {
            Awaitility.await(text)
                    .atMost(START)
                    .until(() -> lines.stream().anyMatch(l -> l.contains(text)) || !process.isAlive());
            return lines.stream()
                    .filter(l -> l.contains(text))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("ended before '" + text + "'; stderr: " + stderr));
        }

        /** SIGTERM to timeout(1), which passes it on to the application, as a service manager would. */
        void terminate() {
            process.destroy();
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        private static void collect(InputStream stream, List<String> into) {
            Thread.ofVirtual().start(() -> {
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    reader.lines().forEach(into::add);
                } catch (IOException ignored) {
                    // the process ended; what was read is kept
                }
            });
        }
    }
}
