package io.fleetdeck.api.firmware;

import io.fleetdeck.api.error.FleetApiException;
import java.util.List;

/**
 * The firmware catalog. An image's id is its SHA-256 in hex; wherever an id is asked for, its first 8 or more digits
 * do as long as no other image's id starts with them. Refusals: {@code InvalidRequestException} (an empty image, a
 * malformed version or target, a signature that does not hold, a certificate not for code signing or not from a CA
 * the site trusts), {@code ResourceAlreadyExistsException} (the same bytes, or the same version for a target),
 * {@code ResourceNotFoundException}, {@code DeleteConflictException} (a job uses the image, or it is a target's
 * known-safe version), {@code InternalFailureException} (the data folder failed, or a stored image no longer
 * verifies and so is not offered). Changes are published as {@code FirmwareChanged} events.
 */
public interface FirmwareCatalog {

    /** Adds an image, signed by the data folder, or verified with the signature and certificate it came with. */
    FirmwareImage importImage(NewFirmwareImage image) throws FleetApiException;

    /** Every image, by first hardware target, newest version first. */
    List<FirmwareImage> listImages() throws FleetApiException;

    FirmwareImage describeImage(String imageId) throws FleetApiException;

    /** Hashes the stored image again and checks its signature; a changed image is reported, never repaired. */
    FirmwareVerification verifyImage(String imageId) throws FleetApiException;

    /** {@link #verifyImage} for every image in the catalog. */
    List<FirmwareVerification> verifyAll() throws FleetApiException;

    /** What a device checks the image with: the DER signature and the signer's certificate. */
    FirmwareSignature signature(String imageId) throws FleetApiException;

    /** The image's bytes, once they verified: what a device or the lab is given. */
    byte[] offerImage(String imageId) throws FleetApiException;

    /** Makes {@code version} of {@code hardwareTarget} the version a rollback returns to. */
    FirmwareImage markKnownSafe(String hardwareTarget, String version) throws FleetApiException;

    /** Removes an image and its bytes; refused while a job uses it or it is a target's known-safe version. */
    FirmwareImage deleteImage(String imageId) throws FleetApiException;
}
