package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetdeck firmware ...} on a data folder, checked as a device maker would: the exported signature verifies
 * with openssl and the exported certificate, a signature made with openssl elsewhere imports once its CA is trusted,
 * and a stored image changed behind the catalog's back fails {@code firmware verify}.
 */
class FirmwareCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    private Path image(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(temp.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void anImportedImageIsListedVerifiedAndItsSignatureChecksWithOpenssl() throws Exception {
        Path firmware = image("pump.bin", 48 * 1024, 7);
        String id = sha256(firmware);
        String shortId = id.substring(0, 12);

        try (FleetdeckProcess imported = run(
                "firmware",
                "import",
                firmware.toString(),
                "--version",
                "1.4.0",
                "--target",
                "esp32-s3",
                "--notes",
                "Valve timing fix")) {
            assertThat(imported.awaitExit()).as("stderr %s", imported.stderr()).isZero();
            assertThat(String.join("\n", imported.stdout()))
                    .contains("firmware 1.4.0 for esp32-s3 imported as " + shortId)
                    .contains("49,152 bytes");
        }
        try (FleetdeckProcess list = run("firmware", "list")) {
            assertThat(list.awaitExit()).as("stderr %s", list.stderr()).isZero();
            assertThat(list.stdout().get(0))
                    .startsWith("ID")
                    .contains("VERSION")
                    .contains("TARGETS");
            assertThat(list.stdout().get(1))
                    .startsWith(shortId)
                    .contains("1.4.0")
                    .contains("esp32-s3")
                    .contains("data folder");
        }
        try (FleetdeckProcess json = run("firmware", "list", "--output", "json")) {
            assertThat(json.awaitExit()).isZero();
            JsonNode images = JSON.readTree(String.join("\n", json.stdout())).path("firmwareImages");
            assertThat(images).hasSize(1);
            assertThat(images.get(0).path("sha256").asText()).isEqualTo(id);
            assertThat(images.get(0).path("filesize").asLong()).isEqualTo(48 * 1024);
            assertThat(images.get(0).path("releaseNotes").asText()).isEqualTo("Valve timing fix");
        }
        try (FleetdeckProcess verify = run("firmware", "verify")) {
            assertThat(verify.awaitExit()).as("stderr %s", verify.stderr()).isZero();
            assertThat(verify.stdout()).containsExactly(shortId + " 1.4.0: verified");
        }

        Path check = temp.resolve("check");
        try (FleetdeckProcess export =
                run("firmware", "export-certificate", id.substring(0, 8), "--out", check.toString(), "--image")) {
            assertThat(export.awaitExit()).as("stderr %s", export.stderr()).isZero();
        }
        Path certificate = check.resolve(shortId + ".cert.pem");
        Path signature = check.resolve(shortId + ".sig");
        Path exportedImage = check.resolve(shortId + ".bin");
        assertThat(Files.readAllBytes(exportedImage)).isEqualTo(Files.readAllBytes(firmware));
        assertThat(shell("openssl dgst -sha256 -verify <(openssl x509 -pubkey -noout -in " + certificate
                        + ") -signature " + signature + " " + firmware))
                .contains("Verified OK");
        // the certificate is the data folder CA's, made for code signing
        assertThat(shell("openssl verify -CAfile " + temp.resolve("data/pki/root-ca.pem") + " " + certificate))
                .contains(": OK");
        assertThat(shell("openssl x509 -noout -ext extendedKeyUsage -in " + certificate))
                .contains("Code Signing");
    }

    @Test
    void aStoredImageChangedBehindTheCatalogsBackFailsVerification() throws Exception {
        Path firmware = image("pump.bin", 4096, 11);
        String id = sha256(firmware);
        try (FleetdeckProcess imported =
                run("firmware", "import", firmware.toString(), "--version", "1.4.0", "--target", "esp32-s3")) {
            assertThat(imported.awaitExit()).as("stderr %s", imported.stderr()).isZero();
        }
        Path stored = temp.resolve("data/firmware/images/sha256/" + id);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[100] ^= 0x01;
        Files.write(stored, bytes);

        try (FleetdeckProcess verify = run("firmware", "verify", id.substring(0, 12))) {
            assertThat(verify.awaitExit()).isNotZero();
            assertThat(String.join("\n", verify.stdout()))
                    .contains(id.substring(0, 12) + " 1.4.0: TAMPERED: the stored image changed");
            assertThat(String.join("\n", verify.stderr())).contains("one image fails verification");
        }
        try (FleetdeckProcess export = run(
                "firmware",
                "export-certificate",
                id,
                "--out",
                temp.resolve("out").toString(),
                "--image")) {
            assertThat(export.awaitExit()).isNotZero();
            assertThat(String.join("\n", export.stderr())).contains("is not offered");
        }
    }

    @Test
    void anImageSignedWithOpensslElsewhereImportsOnceItsCaIsTrusted() throws Exception {
        Path firmware = image("vendor.bin", 10_000, 13);
        Path vendor = Files.createDirectories(temp.resolve("vendor"));
        Files.writeString(
                vendor.resolve("codesign.cnf"),
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n");
        shell("cd " + vendor + " && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key"
                + " && openssl req -x509 -new -key ca.key -subj /CN=Vendor-CA -days 30 -out ca.pem"
                + " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign"
                + " && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out signer.key"
                + " && openssl req -new -key signer.key -subj /CN=Vendor-signer -out signer.csr"
                + " && openssl x509 -req -in signer.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30"
                + " -extfile codesign.cnf -out signer.pem"
                + " && openssl dgst -sha256 -sign signer.key -out vendor.sig " + firmware);
        String[] importSigned = {
            "firmware",
            "import",
            firmware.toString(),
            "--version",
            "2.0.0",
            "--target",
            "esp32-s3",
            "--signature",
            vendor.resolve("vendor.sig").toString(),
            "--certificate",
            vendor.resolve("signer.pem").toString()
        };

        try (FleetdeckProcess refused = run(importSigned)) {
            assertThat(refused.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", refused.stderr()))
                    .contains("InvalidRequestException")
                    .contains("does not chain to a CA this site trusts");
        }
        Path trusted = Files.createDirectories(temp.resolve("data/firmware/trusted-signers"));
        Files.copy(vendor.resolve("ca.pem"), trusted.resolve("vendor-ca.pem"));
        try (FleetdeckProcess imported = run(importSigned)) {
            assertThat(imported.awaitExit()).as("stderr %s", imported.stderr()).isZero();
            assertThat(String.join("\n", imported.stdout())).contains("signed by CN=Vendor-signer");
        }
        try (FleetdeckProcess verify = run("firmware", "verify")) {
            assertThat(verify.awaitExit()).as("stderr %s", verify.stderr()).isZero();
        }
    }

    @Test
    void badInputIsRefusedEachWithItsOwnReasonAndNothingIsStored() throws Exception {
        Path firmware = image("pump.bin", 2048, 17);
        Path other = image("other.bin", 2048, 19);
        Path empty = Files.write(temp.resolve("empty.bin"), new byte[0]);

        assertRefused(
                List.of(
                        "firmware",
                        "import",
                        temp.resolve("missing.bin").toString(),
                        "--version",
                        "1.0.0",
                        "--target",
                        "esp32-s3"),
                "missing.bin: no such file");
        assertRefused(
                List.of("firmware", "import", empty.toString(), "--version", "1.0.0", "--target", "esp32-s3"),
                "InvalidRequestException: the image is empty");
        assertRefused(
                List.of("firmware", "import", firmware.toString(), "--version", "1.4", "--target", "esp32-s3"),
                "version '1.4' is malformed");
        Path wrongSignature = temp.resolve("wrong.sig");
        shell("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " + temp.resolve("k.pem")
                + " && openssl dgst -sha256 -sign " + temp.resolve("k.pem") + " -out " + wrongSignature + " "
                + firmware);
        assertRefused(
                List.of(
                        "firmware",
                        "import",
                        firmware.toString(),
                        "--version",
                        "1.0.0",
                        "--target",
                        "esp32-s3",
                        "--signature",
                        wrongSignature.toString()),
                "needs both its signature and the certificate");
        try (FleetdeckProcess list = run("firmware", "list")) {
            assertThat(list.awaitExit()).isZero();
            assertThat(list.stdout()).containsExactly("no firmware images");
        }

        try (FleetdeckProcess first =
                run("firmware", "import", firmware.toString(), "--version", "1.0.0", "--target", "esp32-s3")) {
            assertThat(first.awaitExit()).as("stderr %s", first.stderr()).isZero();
        }
        assertRefused(
                List.of("firmware", "import", other.toString(), "--version", "1.0.0", "--target", "esp32-s3"),
                "ResourceAlreadyExistsException: version 1.0.0 for esp32-s3 is in the catalog already");
        // a data-folder signature of one image does not hold for another
        Path check = temp.resolve("check");
        String id = sha256(firmware);
        try (FleetdeckProcess export = run("firmware", "export-certificate", id, "--out", check.toString())) {
            assertThat(export.awaitExit()).isZero();
        }
        String shortId = id.substring(0, 12);
        assertRefused(
                List.of(
                        "firmware",
                        "import",
                        other.toString(),
                        "--version",
                        "1.0.1",
                        "--target",
                        "esp32-s3",
                        "--signature",
                        check.resolve(shortId + ".sig").toString(),
                        "--certificate",
                        check.resolve(shortId + ".cert.pem").toString()),
                "the signature does not hold for this image");
        try (FleetdeckProcess known = run("firmware", "known-safe", "esp32-s3", "1.0.0");
                FleetdeckProcess delete = run("firmware", "delete", shortId)) {
            assertThat(known.awaitExit()).as("stderr %s", known.stderr()).isZero();
            assertThat(delete.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", delete.stderr()))
                    .contains("DeleteConflictException")
                    .contains("known-safe version for esp32-s3");
        }
        try (FleetdeckProcess list = run("firmware", "list")) {
            assertThat(list.stdout()).hasSize(2);
        }
    }

    @Test
    void aGermanUserIsToldInGerman() throws Exception {
        Path firmware = image("pump.bin", 4096, 23);
        String shortId = sha256(firmware).substring(0, 12);
        Path data = temp.resolve("data");

        try (FleetdeckProcess list =
                FleetdeckProcess.startInGerman("firmware", "list", "--data-dir", data.toString())) {
            assertThat(list.awaitExit()).as("stderr %s", list.stderr()).isZero();
            assertThat(list.stdout()).containsExactly("keine Firmware-Images");
        }
        try (FleetdeckProcess imported = FleetdeckProcess.startInGerman(
                "firmware",
                "import",
                firmware.toString(),
                "--version",
                "1.4.0",
                "--target",
                "esp32-s3",
                "--data-dir",
                data.toString())) {
            assertThat(imported.awaitExit()).as("stderr %s", imported.stderr()).isZero();
            assertThat(String.join("\n", imported.stdout()))
                    .startsWith("Firmware 1.4.0 für esp32-s3 importiert als " + shortId + " (4.096 Bytes)");
        }
        try (FleetdeckProcess help = FleetdeckProcess.startInGerman("firmware", "verify", "--help")) {
            assertThat(help.awaitExit()).isZero();
            assertThat(String.join("\n", help.stdout())).contains("Berechnet den Hash gespeicherter Images neu");
        }
    }

    private void assertRefused(List<String> args, String why) throws Exception {
        try (FleetdeckProcess refused = run(args.toArray(String[]::new))) {
            assertThat(refused.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", refused.stderr())).contains(why);
        }
    }

    /** Runs {@code command} in bash (for openssl's process substitution) and returns what it printed. */
    private static String shell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s printed %s", command, output).isZero();
        return output;
    }
}
