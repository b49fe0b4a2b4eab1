package io.fleetdeck.api.firmware;

import java.util.Base64;

/**
 * What a device verifies an image with.
 *
 * @param signature DER ({@code SEQUENCE{r, s}}), as {@code openssl dgst -sha256 -verify} reads it
 * @param certificatePem the signer's certificate first, in PEM
 */
public record FirmwareSignature(String imageId, byte[] signature, String certificatePem) {

    public FirmwareSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The value of a job document's {@code sig-sha256-ecdsa} (AWS-OTA-AND-STREAMS §A.4). */
    public String sigSha256Ecdsa() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
