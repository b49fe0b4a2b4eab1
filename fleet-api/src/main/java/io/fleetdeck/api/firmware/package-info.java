/**
 * The firmware catalog as every front end reaches it: signed images with their versions and hardware targets,
 * verification before an image is offered, and the known-safe version of each hardware target. Images are signed
 * with ECDSA P-256 over SHA-256, as AWS's OTA library checks {@code sig-sha256-ecdsa} (AWS-OTA-AND-STREAMS §A.4).
 */
@NullMarked
package io.fleetdeck.api.firmware;

import org.jspecify.annotations.NullMarked;
