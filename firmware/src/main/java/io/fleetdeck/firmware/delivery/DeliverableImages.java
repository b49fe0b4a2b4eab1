package io.fleetdeck.firmware.delivery;

import io.fleetdeck.firmware.FirmwareException;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.Verification;
import java.util.Optional;

/**
 * The catalog's images as delivery sees them: only what verifies now is linked to or sent (issue 16: every image is
 * verified before it is offered to a device). Any thread: the catalog holds its own lock.
 */
public final class DeliverableImages {

    private final ImageCatalog catalog;

    public DeliverableImages(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /** The full id of the image {@code reference} names (its id or 8+ first digits), refused unless it verifies. */
    public String verifiedId(String reference) throws FirmwareException {
        Verification verification = catalog.verify(reference);
        if (!verification.verified()) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE,
                    "image " + ImageCatalog.shortId(verification.sha256()) + " is not offered: "
                            + verification.detail());
        }
        return verification.sha256();
    }

    /**
     * The bytes of the image whose full id is {@code imageId}, verified as they are read; empty when there is no such
     * image, a refusal (STORAGE) when it no longer verifies.
     */
    public Optional<byte[]> offer(String imageId) throws FirmwareException {
        try {
            return Optional.of(catalog.offer(imageId));
        } catch (FirmwareException e) {
            return switch (e.reason()) {
                case NOT_FOUND, INVALID -> Optional.empty();
                default -> throw e;
            };
        }
    }
}
