package io.fleetdeck.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the build put the installers (installers/target/installers). */
final class Installers {

    private Installers() {}

    static Path deb() {
        return single("*.deb");
    }

    static Path rpm() {
        return single("*.rpm");
    }

    private static Path single(String glob) {
        Path folder = Path.of(System.getProperty("fleetdeck.installers", "target/installers"));
        try (Stream<Path> files = Files.list(folder)) {
            var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
            var found =
                    files.filter(file -> matcher.matches(file.getFileName())).toList();
            assertThat(found).as("one %s in %s", glob, folder).hasSize(1);
            return found.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
