package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.DeleteConflictException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.api.firmware.FirmwareCatalog;
import io.fleetdeck.api.firmware.FirmwareImage;
import io.fleetdeck.api.firmware.FirmwareVerification;
import io.fleetdeck.api.firmware.NewFirmwareImage;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.firmware.CodeSigningIssuer;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.fleet.events.FleetEventHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service API's firmware catalog over a real data folder and its real CA: AWS's errors, and the events. */
class LocalFirmwareCatalogTest {

    private static final byte[] IMAGE = "pump firmware 1.4.0".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    private CodeSigningIssuer dataFolderCa;
    private final FleetEventHub events = new FleetEventHub();

    @BeforeEach
    void makeTheCa() throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        CertificateAuthority ca = CertificateAuthority.load(folder.resolve("pki"), clock);
        dataFolderCa = new CodeSigningIssuer() {
            @Override
            public X509Certificate issueCodeSigning(String commonName, PublicKey key) throws GeneralSecurityException {
                return ca.issueCodeSigning(commonName, key);
            }

            @Override
            public List<X509Certificate> roots() {
                return List.of(ca.certificate());
            }
        };
    }

    private FirmwareCatalog catalog(Optional<String> usedBy) {
        return new LocalFirmwareCatalog(
                ImageCatalog.open(folder, dataFolderCa, id -> usedBy, Clock.systemUTC()), events::publish);
    }

    private static NewFirmwareImage image(byte[] content, String version) {
        return new NewFirmwareImage(content, "pump.bin", version, List.of("esp32-s3"), "notes", null, null);
    }

    @Test
    void anImportAKnownSafeMarkAndADeleteAreEachAnEventAfterTheyAreOnDisk() throws Exception {
        FirmwareCatalog catalog = catalog(Optional.empty());
        try (EventSubscription subscription = events.subscribe(SubscriptionOptions.forView(
                "firmware-test", EventKind.FIRMWARE_IMPORTED, EventKind.FIRMWARE_CHANGED))) {
            FirmwareImage imported = catalog.importImage(image(IMAGE, "1.4.0"));
            FirmwareImage other = catalog.importImage(image("1.5.0".getBytes(StandardCharsets.US_ASCII), "1.5.0"));
            catalog.markKnownSafe("esp32-s3", "1.4.0");
            catalog.deleteImage(other.imageId().substring(0, 8));

            List<FleetEvent> seen = subscription.poll(Duration.ofSeconds(5), 10);
            assertThat(seen)
                    .containsExactly(
                            new FleetEvent.FirmwareImported(imported.imageId(), "1.4.0", List.of("esp32-s3")),
                            new FleetEvent.FirmwareImported(other.imageId(), "1.5.0", List.of("esp32-s3")),
                            new FleetEvent.FirmwareChanged(imported.imageId(), "1.4.0", Change.UPDATED, "esp32-s3"),
                            new FleetEvent.FirmwareChanged(other.imageId(), "1.5.0", Change.DELETED, ""));
        }
        FirmwareImage safe = catalog.listImages().getFirst();
        assertThat(safe.knownSafeFor()).containsExactly("esp32-s3");
        assertThat(safe.signedBy()).isEqualTo(FirmwareImage.SignedBy.DATA_FOLDER);
        assertThat(safe.signer()).contains("CN=Fleetdeck firmware signer");
    }

    @Test
    void refusalsCarryAwsErrorCodes() throws Exception {
        FirmwareCatalog catalog = catalog(Optional.of("job ota-42"));
        FirmwareImage imported = catalog.importImage(image(IMAGE, "1.4.0"));

        assertThatThrownBy(() -> catalog.importImage(image(new byte[0], "1.4.1")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> catalog.importImage(image(IMAGE, "1.4.1")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> catalog.describeImage("0000000000")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> catalog.deleteImage(imported.imageId()))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("job ota-42 uses it");

        Files.writeString(folder.resolve("firmware/images/sha256/" + imported.imageId()), "changed");
        assertThat(catalog.verifyImage(imported.imageId()).status()).isEqualTo(FirmwareVerification.Status.TAMPERED);
        assertThatThrownBy(() -> catalog.offerImage(imported.imageId()))
                .isInstanceOf(InternalFailureException.class)
                .hasMessageContaining("is not offered");
    }
}
