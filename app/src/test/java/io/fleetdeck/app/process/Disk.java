package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real small disks for the tests of a full disk and a read-only data folder: a tmpfs of a few MB mounted on a test's
 * temporary folder (as root, which the tests and CI run as), filled with a file to the last byte, or bound read-only.
 * Where mounting is impossible (not root, no mount(8)) the test is skipped, saying why: nothing else fills a disk for
 * real, and pretending with a mock would test the mock.
 */
final class Disk {

    static final String FILLER = "filler";

    private Disk() {}

    /** A fresh tmpfs of {@code megabytes} MB on {@code mountPoint} (created). */
    static Path tmpfs(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String result =
                run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(result.isEmpty(), "cannot mount a tmpfs here (the tests run as root in CI): " + result);
        return mountPoint;
    }

    /** {@code folder} again on {@code mountPoint}, read-only: what a read-only disk or a read-only share looks like. */
    static Path readOnlyView(Path folder, Path mountPoint) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String bound = run("mount", "--bind", folder.toString(), mountPoint.toString());
        Assumptions.assumeTrue(bound.isEmpty(), "cannot bind-mount here (the tests run as root in CI): " + bound);
        String readOnly = run("mount", "-o", "remount,bind,ro", mountPoint.toString());
        if (!readOnly.isEmpty()) {
            unmount(mountPoint);
            Assumptions.abort("cannot make a bind mount read-only here: " + readOnly);
        }
        return mountPoint;
    }

    /** Unmounts, lazily so a process that still has a file open there cannot keep the test from finishing. */
    static void unmount(Path mountPoint) throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    /** Writes {@link #FILLER} on {@code disk} until the disk refuses another byte; usable space is then 0. */
    static void fill(Path disk) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel filler = FileChannel.open(
                disk.resolve(FILLER), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int size : List.of(64 * 1024, 4096, 512, 1)) {
                try {
                    while (true) {
                        filler.write(block.clear().limit(size));
                    }
                } catch (IOException full) {
                    assertThat(full).hasMessageContaining("No space left on device");
                }
            }
        }
        assertThat(Files.getFileStore(disk).getUsableSpace())
                .as("free space on the filled disk")
                .isZero();
    }

    /** Frees the disk that {@link #fill} filled. */
    static void free(Path disk) throws IOException {
        Files.delete(disk.resolve(FILLER));
    }

    /** Runs a command; its output when it failed, "" when it succeeded. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish in 30 s";
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.exitValue() == 0 ? "" : String.join(" ", command) + ": " + output;
    }
}
