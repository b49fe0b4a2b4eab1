package io.fleetdeck.api.firmware;

import java.time.Instant;

/**
 * A download link to a firmware image.
 *
 * @param imageId the image's full id (its SHA-256 in hex)
 * @param url {@code https://<host>:<port>/firmware/<imageId>?expires=<epoch seconds>&signature=<base64url>}
 * @param expiresAt when the server stops accepting it
 */
public record DownloadLink(String imageId, String url, Instant expiresAt) {}
