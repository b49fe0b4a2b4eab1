package io.fleetdeck.firmware.delivery;

import java.net.URI;
import java.time.Instant;

/** A download link: the image's id (its SHA-256), the link, and the instant it stops working. */
public record SignedUrl(String imageId, URI url, Instant expiresAt) {}
