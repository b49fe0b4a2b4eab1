package io.fleetdeck.firmware;

/** The outcome of checking a stored image again: only a {@link Status#VERIFIED} image is offered. */
public record Verification(String sha256, Status status, String detail) {

    public enum Status {
        /** The stored bytes hash to the manifest's SHA-256 and the signature holds with a trusted certificate. */
        VERIFIED,
        /** The image's file is gone from the data folder. */
        MISSING,
        /** The stored bytes changed: their SHA-256 or size is not the manifest's. */
        TAMPERED,
        /** The bytes are the manifest's, but the signature does not hold for them. */
        BAD_SIGNATURE,
        /** The signing certificate is no longer one this site trusts to sign firmware. */
        UNTRUSTED_SIGNER
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
