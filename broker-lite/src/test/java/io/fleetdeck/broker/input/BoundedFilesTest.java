package io.fleetdeck.broker.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {

    @TempDir
    Path temp;

    @Test
    void aFileAtTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        Path at = Files.write(temp.resolve("at"), new byte[1024]);
        Path over = Files.write(temp.resolve("over"), new byte[1025]);

        assertThat(BoundedFiles.read(at, 1024)).hasSize(1024);
        assertThatThrownBy(() -> BoundedFiles.read(over, 1024))
                .isInstanceOf(BoundedFiles.TooLargeException.class)
                .hasMessage(over + " is larger than 1 KB (1024 bytes)");
    }

    @Test
    void anEndlessDeviceIsRefusedAtTheBound() {
        assertThatThrownBy(() -> BoundedFiles.read(Path.of("/dev/zero"), 20 * 1024))
                .isInstanceOfSatisfying(
                        BoundedFiles.TooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(20 * 1024));
    }
}
