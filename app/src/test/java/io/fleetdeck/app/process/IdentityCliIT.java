package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device add}, {@code cert revoke}, {@code policy create|attach} on a data folder, through the launcher. */
class IdentityCliIT {

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void aDeviceGetsItsFilesAndTheFolderItsClaimBundle() throws Exception {
        try (FleetdeckProcess add =
                run("device", "add", "pump-7", "--out", temp.resolve("pump-7").toString())) {
            assertThat(add.awaitExit()).as("stderr %s", add.stderr()).isZero();
        }
        Path files = temp.resolve("pump-7");
        assertThat(Files.readString(files.resolve("pump-7.cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(files.resolve("pump-7.private.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(files.resolve("pump-7.private.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(files.resolve("root-ca.pem")))
                .isEqualTo(Files.readString(temp.resolve("data/provisioning/root-ca.pem")));
        assertThat(temp.resolve("data/provisioning/claim.cert.pem")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(temp.resolve("data/provisioning/claim.private.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(temp.resolve("data/fleetdeck.db")).isRegularFile();
    }

    /**
     * Issue 15, defect 3: a second {@code device add} into the same folder overwrote the key and left the first
     * certificate ACTIVE with no key anywhere. Now the files are kept unless --force, which revokes the old one first.
     */
    @Test
    void addingADeviceAgainKeepsItsFilesAndForcingRevokesTheCertificateItReplaces() throws Exception {
        Path out = temp.resolve("pump-7");
        try (FleetdeckProcess add = run("device", "add", "pump-7", "--out", out.toString())) {
            assertThat(add.awaitExit()).as("stderr %s", add.stderr()).isZero();
        }
        String key = Files.readString(out.resolve("pump-7.private.key"));
        String first = certificateId(out.resolve("pump-7.cert.pem"));

        try (FleetdeckProcess again = run("device", "add", "pump-7", "--out", out.toString())) {
            assertThat(again.awaitExit()).isEqualTo(2);
            assertThat(again.stderr())
                    .containsExactly("fleetdeck: " + out.resolve("pump-7.cert.pem") + ", "
                            + out.resolve("pump-7.private.key") + " exist already, nothing was changed; give --force to"
                            + " revoke the certificate in " + out.resolve("pump-7.cert.pem") + " and write a new one,"
                            + " or choose another --out DIR");
        }
        assertThat(out.resolve("pump-7.private.key")).hasContent(key);

        try (FleetdeckProcess forced = run("device", "add", "pump-7", "--out", out.toString(), "--force")) {
            assertThat(forced.awaitExit()).as("stderr %s", forced.stderr()).isZero();
            assertThat(forced.stdout().getFirst())
                    .isEqualTo("certificate " + first + " in " + out.resolve("pump-7.cert.pem") + " REVOKED");
        }
        assertThat(Files.readString(out.resolve("pump-7.private.key"))).isNotEqualTo(key);
        String second = certificateId(out.resolve("pump-7.cert.pem"));
        assertThat(revoke(first).stdout()).containsExactly("certificate " + first + " is already REVOKED");
        assertThat(revoke(second).stdout()).containsExactly("certificate " + second + " REVOKED");
    }

    /** A key that cannot be written takes its new certificate with it: nothing ACTIVE is left without its key. */
    @Test
    void aCertificateWhoseKeyCannotBeWrittenIsRevokedAgain() throws Exception {
        Path out = temp.resolve("pump-8");
        Files.createDirectories(out.resolve("pump-8.private.key").resolve("a-folder-in-the-way"));

        String issued;
        try (FleetdeckProcess add = run("device", "add", "pump-8", "--out", out.toString(), "--force")) {
            assertThat(add.awaitExit()).isEqualTo(2);
            assertThat(add.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: cannot write the files of pump-8");
            Matcher revoked = Pattern.compile("its new certificate ([0-9a-f]{64}) was revoked, as its key is lost")
                    .matcher(add.stderr().getFirst());
            assertThat(revoked.find()).as(add.stderr().getFirst()).isTrue();
            issued = revoked.group(1);
        }
        assertThat(revoke(issued).stdout()).containsExactly("certificate " + issued + " is already REVOKED");
    }

    /**
     * Issue 15, defects 11 and 13: a certificate is revoked by the digits the window shows (12) or fewer, down to 8,
     * in either case; the command prints its answer alone (the log goes to the data folder's file); revoking twice
     * says so and succeeds.
     */
    @Test
    void aCertificateIsRevokedByTheStartOfItsIdAndOnlyTheAnswerIsPrinted() throws Exception {
        Path out = temp.resolve("pump-11");
        run("device", "add", "pump-11", "--out", out.toString()).close();
        String id = certificateId(out.resolve("pump-11.cert.pem"));

        try (FleetdeckProcess revoke = run("cert", "revoke", id.substring(0, 12).toUpperCase(Locale.ROOT))) {
            assertThat(revoke.awaitExit()).as("stderr %s", revoke.stderr()).isZero();
            assertThat(revoke.stdout()).containsExactly("certificate " + id + " REVOKED");
            assertThat(revoke.stderr()).as("no log lines, no Lucene warning").isEmpty();
        }
        try (FleetdeckProcess twice = run("cert", "revoke", id.substring(0, 8))) {
            assertThat(twice.awaitExit()).isZero();
            assertThat(twice.stdout()).containsExactly("certificate " + id + " is already REVOKED");
            assertThat(twice.stderr()).isEmpty();
        }
        assertThat(Files.readString(temp.resolve("data/logs/fleetdeck.log")))
                .as("the log went to the data folder's file")
                .contains("Certificate " + id + ": ACTIVE -> REVOKED")
                .doesNotContain("REVOKED -> REVOKED");
        try (FleetdeckProcess tooShort = run("cert", "revoke", id.substring(0, 7))) {
            assertThat(tooShort.awaitExit()).isEqualTo(2);
            assertThat(tooShort.stderr())
                    .containsExactly("fleetdeck: InvalidRequestException: '" + id.substring(0, 7) + "' has 7 hex"
                            + " digits; give at least 8 of a certificate id (64 in all), as many as it takes to name"
                            + " one certificate");
        }
        try (FleetdeckProcess notHex = run("cert", "revoke", "pump-11")) {
            assertThat(notHex.awaitExit()).isEqualTo(2);
            assertThat(notHex.stderr())
                    .containsExactly("fleetdeck: InvalidRequestException: 'pump-11' is not a certificate id: an id is"
                            + " hex digits (0-9, a-f)");
        }
    }

    private FleetdeckProcess revoke(String id) throws Exception {
        try (FleetdeckProcess revoke = run("cert", "revoke", id)) {
            assertThat(revoke.awaitExit()).as("stderr %s", revoke.stderr()).isZero();
            return revoke;
        }
    }

    private static String certificateId(Path pem) throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void aMalformedPolicyIsRefusedWithItsPositionAndExitCode2() throws Exception {
        Path document = Files.writeString(
                temp.resolve("bad.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}");
        try (FleetdeckProcess create = run("policy", "create", "bad", "--document", document.toString())) {
            assertThat(create.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", create.stderr()))
                    .contains("MalformedPolicyException")
                    .contains("line 1, column 38")
                    .contains("a statement needs Action");
        }
    }

    @Test
    void anEndlessPolicyDocumentIsRefusedInOneLineAndExitCode2() throws Exception {
        try (FleetdeckProcess create = run("policy", "create", "endless", "--document", "/dev/zero")) {
            assertThat(create.awaitExit()).isEqualTo(2);
            assertThat(create.stderr())
                    .containsExactly("fleetdeck: policy document /dev/zero is larger than 20 KB (20480 bytes), the most"
                            + " a policy file may hold; AWS IoT counts at most 2048 characters without whitespace");
        }
    }

    @Test
    void aPolicyWithATypoIsCreatedAndTheTypoIsPointedOut() throws Exception {
        Path document = Files.writeString(
                temp.resolve("typo.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publsh\","
                        + "\"Resource\":\"arn:aws:iot:*:*:topic/ops/*\"}]}");
        try (FleetdeckProcess create = run("policy", "create", "typo", "--document", document.toString())) {
            assertThat(create.awaitExit()).as("stderr %s", create.stderr()).isZero();
            assertThat(create.stdout()).containsExactly("policy typo created (version 1)");
            assertThat(create.stderr())
                    .containsExactly("fleetdeck: warning: policy typo, line 1, column 65: \"iot:Publsh\" is not an AWS"
                            + " IoT action, so it allows or denies nothing (did you mean iot:Publish?)");
        }
    }

    @Test
    void aPolicyIsAttachedToEveryCertificateOfAThing() throws Exception {
        run("device", "add", "pump-8", "--out", temp.resolve("pump-8").toString())
                .close();
        Path document = Files.writeString(
                temp.resolve("ops.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                        + "\"Resource\":\"arn:aws:iot:*:*:topic/ops/*\"}]}");
        try (FleetdeckProcess create = run("policy", "create", "ops", "--document", document.toString());
                FleetdeckProcess attach = run("policy", "attach", "ops", "--thing", "pump-8")) {
            assertThat(create.awaitExit()).as("stderr %s", create.stderr()).isZero();
            assertThat(attach.awaitExit()).as("stderr %s", attach.stderr()).isZero();
            assertThat(attach.stdout()).containsExactly("policy ops attached to 1 certificate(s) of pump-8");
        }
    }

    @Test
    void revokingAnUnknownCertificateSaysSo() throws Exception {
        try (FleetdeckProcess revoke = run("cert", "revoke", "ab".repeat(32))) {
            assertThat(revoke.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", revoke.stderr())).contains("ResourceNotFoundException");
        }
    }

    @Test
    void aFolderStartedWithAnRsaCaSignsDeviceCertificatesWithRsa() throws Exception {
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", temp.resolve("data").toString(), "--mqtts-port", "0", "--ca-key", "rsa-2048")) {
            serve.awaitStdoutLine("fleetdeck ready");
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
        run("device", "add", "pump-10", "--out", temp.resolve("pump-10").toString())
                .close();

        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate)
                x509.generateCertificate(Files.newInputStream(temp.resolve("data/provisioning/root-ca.pem")));
        X509Certificate device = (X509Certificate)
                x509.generateCertificate(Files.newInputStream(temp.resolve("pump-10/pump-10.cert.pem")));
        assertThat(ca.getPublicKey())
                .isInstanceOfSatisfying(
                        RSAPublicKey.class,
                        key -> assertThat(key.getModulus().bitLength()).isEqualTo(2048));
        assertThat(device.getSigAlgName()).isEqualTo("SHA256withRSA");
        device.verify(ca.getPublicKey());
    }

    @Test
    void anUnknownCaKeyTypeIsRefused() throws Exception {
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", temp.resolve("data").toString(), "--ca-key", "dsa-1024")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", serve.stderr())).contains("--ca-key must be ec-p256 or rsa-2048");
        }
    }

    @Test
    void aFolderInUseIsRefusedWithWhoHoldsIt() throws Exception {
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", temp.resolve("data").toString(), "--mqtts-port", "0")) {
            serve.awaitStdoutLine("fleetdeck ready");
            try (FleetdeckProcess add = run("device", "add", "pump-9", "--out", temp.toString())) {
                assertThat(add.awaitExit()).isEqualTo(2);
                assertThat(String.join("\n", add.stderr()))
                        .contains("in use by another Fleetdeck")
                        .contains("management API");
            }
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
    }
}
