/**
 * Firmware delivery over HTTPS (issue 16): links that expire, signed with the data folder's URL key, to a download
 * server that hands out only images the catalog verifies, whole or by byte range, so an interrupted download resumes.
 *
 * <ul>
 *   <li>{@link io.fleetdeck.firmware.delivery.UrlSigner}: makes and checks the links (HMAC-SHA256 over id and expiry).
 *   <li>{@link io.fleetdeck.firmware.delivery.PresignedUrls}: a job document's {@code
 *       ${aws:iot:s3-presigned-url:...}} placeholders become links (AWS-IOT-BEHAVIOUR §2.7.7).
 *   <li>{@link io.fleetdeck.firmware.delivery.DownloadServer}: the HTTPS server, {@link
 *       io.fleetdeck.firmware.delivery.ImageDownloads} its one handler, {@link
 *       io.fleetdeck.firmware.delivery.RangeHeader} its reading of {@code Range}.
 * </ul>
 */
@NullMarked
package io.fleetdeck.firmware.delivery;

import org.jspecify.annotations.NullMarked;
