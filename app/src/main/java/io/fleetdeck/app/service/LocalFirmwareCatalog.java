package io.fleetdeck.app.service;

import io.fleetdeck.api.error.DeleteConflictException;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.firmware.FirmwareCatalog;
import io.fleetdeck.api.firmware.FirmwareImage;
import io.fleetdeck.api.firmware.FirmwareSignature;
import io.fleetdeck.api.firmware.FirmwareVerification;
import io.fleetdeck.api.firmware.NewFirmwareImage;
import io.fleetdeck.firmware.FirmwareException;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.ImportRequest;
import io.fleetdeck.firmware.Manifest;
import io.fleetdeck.firmware.Verification;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link FirmwareCatalog} over the data folder's {@link ImageCatalog}; each change is published after it is on disk.
 * Any thread: the catalog holds its own lock.
 */
public final class LocalFirmwareCatalog implements FirmwareCatalog {

    private final ImageCatalog catalog;
    private final FleetEventSink events;

    public LocalFirmwareCatalog(ImageCatalog catalog, FleetEventSink events) {
        this.catalog = catalog;
        this.events = events;
    }

    @Override
    public FirmwareImage importImage(NewFirmwareImage image) throws FleetApiException {
        Manifest manifest = call(() -> catalog.importImage(new ImportRequest(
                image.content(),
                image.fileName(),
                image.version(),
                image.targets(),
                image.releaseNotes(),
                image.signature(),
                image.certificatePem())));
        events.publish(new FleetEvent.FirmwareImported(
                manifest.sha256(), manifest.version().toString(), manifest.targets()));
        return image(manifest, call(catalog::knownSafe));
    }

    @Override
    public List<FirmwareImage> listImages() throws FleetApiException {
        Map<String, String> knownSafe = call(catalog::knownSafe);
        List<FirmwareImage> images = new ArrayList<>();
        for (Manifest manifest : call(catalog::list)) {
            images.add(image(manifest, knownSafe));
        }
        return images;
    }

    @Override
    public FirmwareImage describeImage(String imageId) throws FleetApiException {
        return image(call(() -> catalog.describe(imageId)), call(catalog::knownSafe));
    }

    @Override
    public FirmwareVerification verifyImage(String imageId) throws FleetApiException {
        Manifest manifest = call(() -> catalog.describe(imageId));
        return verification(call(() -> catalog.verify(imageId)), manifest);
    }

    @Override
    public List<FirmwareVerification> verifyAll() throws FleetApiException {
        List<FirmwareVerification> outcomes = new ArrayList<>();
        for (Manifest manifest : call(catalog::list)) {
            outcomes.add(verification(call(() -> catalog.verify(manifest.sha256())), manifest));
        }
        return outcomes;
    }

    @Override
    public FirmwareSignature signature(String imageId) throws FleetApiException {
        Manifest manifest = call(() -> catalog.describe(imageId));
        return new FirmwareSignature(manifest.sha256(), manifest.signature(), manifest.certificatePem());
    }

    @Override
    public byte[] offerImage(String imageId) throws FleetApiException {
        return call(() -> catalog.offer(imageId));
    }

    @Override
    public FirmwareImage markKnownSafe(String hardwareTarget, String version) throws FleetApiException {
        Manifest manifest = call(() -> catalog.markKnownSafe(hardwareTarget, version));
        events.publish(new FleetEvent.FirmwareChanged(
                manifest.sha256(), manifest.version().toString(), Change.UPDATED, hardwareTarget));
        return image(manifest, call(catalog::knownSafe));
    }

    @Override
    public FirmwareImage deleteImage(String imageId) throws FleetApiException {
        Manifest manifest = call(() -> catalog.delete(imageId));
        events.publish(new FleetEvent.FirmwareChanged(
                manifest.sha256(), manifest.version().toString(), Change.DELETED, ""));
        return image(manifest, Map.of());
    }

    private static FirmwareImage image(Manifest manifest, Map<String, String> knownSafe) {
        List<String> safeFor = knownSafe.entrySet().stream()
                .filter(mark -> mark.getValue().equals(manifest.sha256()))
                .map(Map.Entry::getKey)
                .toList();
        return new FirmwareImage(
                manifest.sha256(),
                manifest.size(),
                manifest.version().toString(),
                manifest.targets(),
                manifest.releaseNotes(),
                manifest.fileName(),
                manifest.importedAt(),
                manifest.signedBy() == Manifest.Signer.DATA_FOLDER
                        ? FirmwareImage.SignedBy.DATA_FOLDER
                        : FirmwareImage.SignedBy.IMPORTED,
                signer(manifest.certificatePem()),
                safeFor);
    }

    /** The signing certificate's subject, or what is wrong with it (verify says the same, and refuses the image). */
    private static String signer(String certificatePem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            return certificate.getSubjectX500Principal().getName();
        } catch (CertificateException e) {
            return "unreadable certificate";
        }
    }

    private static FirmwareVerification verification(Verification outcome, Manifest manifest) {
        return new FirmwareVerification(
                outcome.sha256(),
                manifest.version().toString(),
                FirmwareVerification.Status.valueOf(outcome.status().name()),
                outcome.detail());
    }

    @FunctionalInterface
    /** A catalog operation, whose refusal becomes the API's error. */
    interface CatalogCall<T> {
        T call() throws FirmwareException;
    }

    /** Runs {@code call}, its refusal as the API's error: shared with {@link LocalFirmwareDelivery}. */
    static <T> T call(CatalogCall<T> call) throws FleetApiException {
        try {
            return call.call();
        } catch (FirmwareException refused) {
            String message = String.valueOf(refused.getMessage());
            throw switch (refused.reason()) {
                case NOT_FOUND -> new ResourceNotFoundException(message);
                case ALREADY_EXISTS -> new ResourceAlreadyExistsException(message);
                case INVALID -> new InvalidRequestException(message);
                case IN_USE -> new DeleteConflictException(message);
                case STORAGE -> new InternalFailureException(message);
            };
        }
    }
}
