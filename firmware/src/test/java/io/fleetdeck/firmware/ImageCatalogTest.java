package io.fleetdeck.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog on a real data folder, with real keys and certificates from a real (Bouncy Castle) CA. */
class ImageCatalogTest {

    private static final byte[] IMAGE = "pump firmware 1.4.0".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path data;

    private TestAuthority siteCa;
    private ImageCatalog catalog;

    @BeforeEach
    void openCatalog() throws Exception {
        siteCa = new TestAuthority("Site CA");
        catalog = ImageCatalog.open(data, siteCa, ImageUse.NONE, Clock.systemUTC());
    }

    private static ImportRequest image(byte[] content, String version, String... targets) {
        return ImportRequest.unsigned(content, "pump.bin", version, List.of(targets), "fixes the valve timing");
    }

    @Test
    void anImportedImageIsStoredByItsHashSignedByTheDataFolderAndVerifies() throws Exception {
        Manifest manifest = catalog.importImage(image(IMAGE, "1.4.0", "esp32-s3", "esp32-c3"));

        assertThat(manifest.sha256()).isEqualTo(ImageStore.sha256(IMAGE)).hasSize(64);
        assertThat(manifest.size()).isEqualTo(IMAGE.length);
        assertThat(manifest.signedBy()).isEqualTo(Manifest.Signer.DATA_FOLDER);
        assertThat(Files.readAllBytes(data.resolve("firmware/images/sha256/" + manifest.sha256())))
                .isEqualTo(IMAGE);
        assertThat(data.resolve("firmware/manifests/" + manifest.sha256() + ".json"))
                .isRegularFile();
        assertThat(catalog.verify(ImageCatalog.shortId(manifest.sha256())).status())
                .isEqualTo(Verification.Status.VERIFIED);

        X509Certificate signer = PemText.certificates(manifest.certificatePem()).getFirst();
        assertThat(signer.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.3");
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(signer.getPublicKey());
        check.update(IMAGE);
        assertThat(check.verify(manifest.signature()))
                .as("a device's check of the signature")
                .isTrue();
        // DER SEQUENCE{r, s}, as sig-sha256-ecdsa carries it (AWS-OTA-AND-STREAMS §A.4)
        assertThat(manifest.signature()[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void theSigningKeyIsMadeOnceAndKeptOwnerOnlyBesideTheCaKey() throws Exception {
        Manifest first = catalog.importImage(image(IMAGE, "1.4.0", "esp32-s3"));
        ImageCatalog reopened = ImageCatalog.open(data, siteCa, ImageUse.NONE, Clock.systemUTC());
        Manifest second =
                reopened.importImage(image("other build".getBytes(StandardCharsets.US_ASCII), "1.5.0", "esp32-s3"));

        assertThat(second.certificatePem()).isEqualTo(first.certificatePem());
        assertThat(Files.getPosixFilePermissions(data.resolve("pki/code-signing.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(data.resolve("pki/code-signing.pem"))).isEqualTo(first.certificatePem());
        assertThat(Files.getPosixFilePermissions(data.resolve("pki/code-signing.pem")))
                .as("a certificate is no secret")
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void anImageSignedElsewhereByATrustedSignerIsImportedWithItsSignature() throws Exception {
        TestAuthority.Signer vendor = siteCa.signer("Vendor build server", KeyPurposeId.id_kp_codeSigning);
        byte[] signature = vendor.sign(IMAGE);

        Manifest manifest = catalog.importImage(
                new ImportRequest(IMAGE, "pump.bin", "2.0.0", List.of("esp32-s3"), null, signature, vendor.pem()));

        assertThat(manifest.signedBy()).isEqualTo(Manifest.Signer.IMPORTED);
        assertThat(manifest.signature()).isEqualTo(signature);
        assertThat(catalog.verify(manifest.sha256()).verified()).isTrue();
        assertThat(data.resolve("pki/code-signing.key"))
                .as("no key made for it")
                .doesNotExist();
    }

    @Test
    void aSignatureThatDoesNotHoldIsRefusedAndNothingIsStored() throws Exception {
        TestAuthority.Signer vendor = siteCa.signer("Vendor build server", KeyPurposeId.id_kp_codeSigning);
        byte[] signatureOfAnotherImage = vendor.sign("another image".getBytes(StandardCharsets.US_ASCII));

        assertRefused(
                new ImportRequest(
                        IMAGE, null, "2.0.0", List.of("esp32-s3"), null, signatureOfAnotherImage, vendor.pem()),
                FirmwareException.Reason.INVALID,
                "the signature does not hold for this image");
        assertRefused(
                new ImportRequest(IMAGE, null, "2.0.0", List.of("esp32-s3"), null, new byte[] {1, 2, 3}, vendor.pem()),
                FirmwareException.Reason.INVALID,
                "the signature does not hold for this image");
    }

    @Test
    void aCertificateFromACaTheSiteDoesNotTrustIsRefused() throws Exception {
        TestAuthority stranger = new TestAuthority("Somebody else's CA");
        TestAuthority.Signer signer = stranger.signer("Unknown build server", KeyPurposeId.id_kp_codeSigning);

        assertRefused(
                new ImportRequest(IMAGE, null, "2.0.0", List.of("esp32-s3"), null, signer.sign(IMAGE), signer.pem()),
                FirmwareException.Reason.INVALID,
                "does not chain to a CA this site trusts");
    }

    @Test
    void aCaPlacedInTrustedSignersMaySignFirmware() throws Exception {
        TestAuthority vendorCa = new TestAuthority("Vendor CA");
        TestAuthority.Signer signer = vendorCa.signer("Vendor build server", KeyPurposeId.id_kp_codeSigning);
        Files.createDirectories(data.resolve("firmware/trusted-signers"));
        Files.writeString(data.resolve("firmware/trusted-signers/vendor.pem"), PemText.of(vendorCa.certificate));

        Manifest manifest = catalog.importImage(
                new ImportRequest(IMAGE, null, "2.0.0", List.of("esp32-s3"), null, signer.sign(IMAGE), signer.pem()));

        assertThat(catalog.verify(manifest.sha256()).verified()).isTrue();
    }

    @Test
    void aCertificateNotMadeForCodeSigningIsRefused() throws Exception {
        TestAuthority.Signer tlsClient = siteCa.signer("pump-7", KeyPurposeId.id_kp_clientAuth);

        assertRefused(
                new ImportRequest(
                        IMAGE, null, "2.0.0", List.of("esp32-s3"), null, tlsClient.sign(IMAGE), tlsClient.pem()),
                FirmwareException.Reason.INVALID,
                "is not for code signing");
    }

    @Test
    void aSignatureWithoutItsCertificateOrACertificateThatIsNotPemIsRefused() throws Exception {
        assertRefused(
                new ImportRequest(IMAGE, null, "2.0.0", List.of("esp32-s3"), null, new byte[] {0x30}, null),
                FirmwareException.Reason.INVALID,
                "needs both its signature and the certificate");
        assertRefused(
                new ImportRequest(IMAGE, null, "2.0.0", List.of("esp32-s3"), null, new byte[] {0x30}, "hello"),
                FirmwareException.Reason.INVALID,
                "the certificate cannot be read");
    }

    @Test
    void emptyImagesMalformedVersionsAndTargetsAreRefusedEachWithItsReason() throws Exception {
        assertRefused(image(new byte[0], "1.0.0", "esp32-s3"), FirmwareException.Reason.INVALID, "the image is empty");
        for (String version : List.of("1.4", "v1.4.0", "1.4.0-rc1", "256.0.0", "1.0.65536", "")) {
            assertRefused(image(IMAGE, version, "esp32-s3"), FirmwareException.Reason.INVALID, "is malformed");
        }
        assertRefused(image(IMAGE, "1.0.0"), FirmwareException.Reason.INVALID, "at least one hardware target");
        assertRefused(image(IMAGE, "1.0.0", "esp32 s3"), FirmwareException.Reason.INVALID, "hardware target");
    }

    @Test
    void aVersionAlreadyCatalogedForATargetIsRefusedAsAreTheSameBytesTwice() throws Exception {
        catalog.importImage(image(IMAGE, "1.4.0", "esp32-s3"));
        byte[] rebuilt = "pump firmware 1.4.0, rebuilt".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> catalog.importImage(image(rebuilt, "1.4.0", "esp32-c3", "esp32-s3")))
                .isInstanceOfSatisfying(
                        FirmwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(FirmwareException.Reason.ALREADY_EXISTS))
                .hasMessageContaining("version 1.4.0 for esp32-s3 is in the catalog already");
        assertThatThrownBy(() -> catalog.importImage(image(IMAGE, "1.5.0", "esp32-s3")))
                .hasMessageContaining("this image is in the catalog already, as version 1.4.0");
        // what is wrong with the request itself is said before what the catalog holds
        assertThatThrownBy(() -> catalog.importImage(
                        new ImportRequest(IMAGE, null, "1.4.0", List.of("esp32-s3"), null, new byte[] {0x30}, null)))
                .hasMessageContaining("needs both its signature and the certificate");
        // the same version for another board is another image
        assertThat(catalog.importImage(image(rebuilt, "1.4.0", "esp32-c3")).targets())
                .containsExactly("esp32-c3");
        assertThat(catalog.list()).hasSize(2);
    }

    @Test
    void aTamperedOrMissingStoredImageIsReportedAndNotOffered() throws Exception {
        Manifest manifest = catalog.importImage(image(IMAGE, "1.4.0", "esp32-s3"));
        assertThat(catalog.offer(manifest.sha256())).isEqualTo(IMAGE);
        Path stored = data.resolve("firmware/images/sha256/" + manifest.sha256());

        Files.writeString(stored, "pump firmware 1.4.1");
        Verification tampered = catalog.verify(manifest.sha256());
        assertThat(tampered.status()).isEqualTo(Verification.Status.TAMPERED);
        assertThat(tampered.detail()).contains("the stored image changed");
        assertThatThrownBy(() -> catalog.offer(manifest.sha256())).hasMessageContaining("is not offered");

        Files.delete(stored);
        assertThat(catalog.verifyAll()).extracting(Verification::status).containsExactly(Verification.Status.MISSING);
    }

    @Test
    void eachTargetHasAKnownSafeVersionWhichCannotBeDeleted() throws Exception {
        Manifest safe = catalog.importImage(image(IMAGE, "1.4.0", "esp32-s3"));
        Manifest newer =
                catalog.importImage(image("1.5.0 build".getBytes(StandardCharsets.US_ASCII), "1.5.0", "esp32-s3"));

        catalog.markKnownSafe("esp32-s3", "1.4.0");

        assertThat(catalog.knownSafe()).containsEntry("esp32-s3", safe.sha256());
        assertThatThrownBy(() -> catalog.delete(safe.sha256()))
                .isInstanceOfSatisfying(
                        FirmwareException.class, e -> assertThat(e.reason()).isEqualTo(FirmwareException.Reason.IN_USE))
                .hasMessageContaining("known-safe version for esp32-s3");
        assertThatThrownBy(() -> catalog.markKnownSafe("esp32-s3", "9.9.9"))
                .hasMessageContaining("no version 9.9.9 for esp32-s3");

        catalog.delete(ImageCatalog.shortId(newer.sha256()));
        assertThat(catalog.list()).extracting(Manifest::sha256).containsExactly(safe.sha256());
        assertThat(data.resolve("firmware/images/sha256/" + newer.sha256())).doesNotExist();
    }

    @Test
    void anImageAJobUsesCannotBeDeleted() throws Exception {
        ImageCatalog withJobs = ImageCatalog.open(data, siteCa, id -> Optional.of("job ota-42"), Clock.systemUTC());
        Manifest manifest = withJobs.importImage(image(IMAGE, "1.4.0", "esp32-s3"));

        assertThatThrownBy(() -> withJobs.delete(manifest.sha256()))
                .hasMessageContaining("cannot be deleted: job ota-42 uses it");
        assertThat(withJobs.list()).hasSize(1);
    }

    @Test
    void imagesAreListedNewestFirstAndFoundByTheStartOfTheirId() throws Exception {
        catalog.importImage(image("a".getBytes(StandardCharsets.US_ASCII), "1.2.0", "esp32-s3"));
        Manifest newest = catalog.importImage(image("b".getBytes(StandardCharsets.US_ASCII), "1.10.0", "esp32-s3"));
        catalog.importImage(image("c".getBytes(StandardCharsets.US_ASCII), "1.9.0", "esp32-s3"));

        assertThat(catalog.list()).extracting(m -> m.version().toString()).containsExactly("1.10.0", "1.9.0", "1.2.0");
        assertThat(catalog.describe(newest.sha256().substring(0, 8))).isEqualTo(newest);
        assertThatThrownBy(() -> catalog.describe("abc")).hasMessageContaining("is malformed");
        assertThatThrownBy(() -> catalog.describe("00000000")).hasMessageContaining("no firmware image 00000000");
    }

    private void assertRefused(ImportRequest request, FirmwareException.Reason reason, String why) throws Exception {
        assertThatThrownBy(() -> catalog.importImage(request))
                .isInstanceOfSatisfying(
                        FirmwareException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(why);
        assertThat(catalog.list()).isEmpty();
        Path firmware = data.resolve("firmware");
        if (Files.exists(firmware)) {
            try (Stream<Path> files = Files.walk(firmware)) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .as("nothing half-stored")
                        .allMatch(f -> f.startsWith(firmware.resolve("trusted-signers")));
            }
        }
    }
}
