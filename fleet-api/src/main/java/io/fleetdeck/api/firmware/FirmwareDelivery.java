package io.fleetdeck.api.firmware;

import io.fleetdeck.api.error.FleetApiException;

/**
 * Firmware over HTTPS: links to the running instance's download server that expire, as AWS's presigned URLs do
 * (AWS-IOT-BEHAVIOUR §2.7.7). A link lives {@value #MIN_VALID_SECONDS} to {@value #MAX_VALID_SECONDS} seconds
 * ({@code expiresInSec}); only an image that verifies now gets one. Refusals: {@code InvalidRequestException} (a
 * validity outside the range, a placeholder that names no catalog image, e.g. an S3 URL, more than 10 placeholders,
 * or no download server on this data folder), {@code ResourceNotFoundException}, {@code InternalFailureException}
 * (the image no longer verifies, or the data folder failed).
 */
public interface FirmwareDelivery {

    long MIN_VALID_SECONDS = 60;
    long MAX_VALID_SECONDS = 3600;
    /** AWS's default {@code expiresInSec}. */
    long DEFAULT_VALID_SECONDS = 1800;

    /** How a job document names a catalog image in a placeholder: {@code fleetdeck://firmware/<imageId>}. */
    String IMAGE_LOCATION_PREFIX = "fleetdeck://firmware/";

    /** A link to the image {@code imageId} names (its SHA-256 or 8+ first digits), valid for {@code validSeconds}. */
    DownloadLink downloadLink(String imageId, long validSeconds) throws FleetApiException;

    /**
     * {@code jobDocument} with each {@code ${aws:iot:s3-presigned-url:fleetdeck://firmware/<imageId>}} (or {@code
     * -v2}) placeholder replaced by a fresh link, as AWS does each time a device fetches a job document.
     */
    String presignJobDocument(String jobDocument, long validSeconds) throws FleetApiException;
}
