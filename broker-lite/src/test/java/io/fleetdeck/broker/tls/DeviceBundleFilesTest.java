package io.fleetdeck.broker.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle a device gets from the CLI, the console and the demo fleet alike. */
class DeviceBundleFilesTest {

    @TempDir
    Path temp;

    @Test
    void theThreeFilesAreNamedAsAwsSamplesExpectAndTheKeyIsTheOwnersAlone() throws Exception {
        Path folder = temp.resolve("pump-7 bundle");

        List<Path> files = new DeviceBundleFiles(folder, "pump-7").write("CERT\n", "KEY\n", "ROOT\n");

        assertThat(files)
                .containsExactly(
                        folder.resolve("pump-7.cert.pem"),
                        folder.resolve("pump-7.private.key"),
                        folder.resolve("root-ca.pem"));
        assertThat(files).map(Files::readString).containsExactly("CERT\n", "KEY\n", "ROOT\n");
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(1))))
                    .isEqualTo("rw-------");
        }
        assertThat(folder).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));
    }

    @Test
    void aDeviceKeepsItsOwnIdentityWithoutTheRootCa() throws Exception {
        DeviceBundleFiles bundle = new DeviceBundleFiles(temp, "demo-3");

        bundle.writeIdentity("CERT-1\n", "KEY-1\n");
        bundle.writeIdentity("CERT-2\n", "KEY-2\n");

        assertThat(Files.readString(bundle.certificate())).isEqualTo("CERT-2\n");
        assertThat(Files.readString(bundle.privateKey())).isEqualTo("KEY-2\n");
        assertThat(bundle.rootCa()).doesNotExist();
    }
}
