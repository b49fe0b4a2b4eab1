package io.fleetdeck.broker.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.broker.input.BoundedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files of a data folder the user chose are read within a bound. */
class PemFilesTest {

    @TempDir
    Path temp;

    @Test
    void aServerCertificateReplacedByAnEndlessFileIsRefusedAtTheBound() throws Exception {
        PemFiles files = new PemFiles(temp);
        Path endless = Files.createSymbolicLink(temp.resolve("server.pem"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> files.readCertificate(endless))
                .isInstanceOfSatisfying(
                        BoundedFiles.TooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(PemFiles.MAX_BYTES));
        assertThatThrownBy(() -> files.readPrivateKey(endless)).isInstanceOf(BoundedFiles.TooLargeException.class);
    }

    @Test
    void realPemFilesStillRead() throws Exception {
        ServerIdentity.loadOrCreate(temp.resolve("pki"), temp.resolve("ca.pem"), Clock.systemUTC());
        PemFiles files = new PemFiles(temp.resolve("pki"));

        assertThat(files.readCertificate(temp.resolve("pki/server.pem")).getSubjectX500Principal())
                .isNotNull();
        assertThat(files.readPrivateKey(temp.resolve("pki/server.key"))).isNotNull();
    }
}
