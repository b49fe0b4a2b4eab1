/**
 * The firmware catalog: images stored by their SHA-256 in the data folder, each with a manifest (version, hardware
 * targets, release notes, size, hash, signature and signing certificate), a known-safe version per hardware target,
 * and the code signing that devices check (ECDSA P-256 over SHA-256, AWS-OTA-AND-STREAMS §A.4).
 *
 * <ul>
 *   <li>{@link io.fleetdeck.firmware.ImageCatalog}: import, list, verify, mark known-safe, delete.
 *   <li>{@link io.fleetdeck.firmware.CodeSigner}: the data folder's signing key and its code-signing certificate,
 *       issued through the {@link io.fleetdeck.firmware.CodeSigningIssuer} port by the data folder's CA.
 *   <li>{@link io.fleetdeck.firmware.SignerTrust}: whether a certificate may sign firmware for this site.
 *   <li>{@link io.fleetdeck.firmware.ImageUse}: the port the jobs service answers, so an image a job uses stays.
 * </ul>
 *
 * It knows nothing of the fleet's services, the store or a UI: the app wires it behind the service API.
 */
@NullMarked
package io.fleetdeck.firmware;

import org.jspecify.annotations.NullMarked;
