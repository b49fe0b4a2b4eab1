package io.fleetdeck.api.firmware;

/** An image checked again: only a {@link Status#VERIFIED} one is offered to devices or the lab. */
public record FirmwareVerification(String imageId, String version, Status status, String detail) {

    public enum Status {
        /** Its bytes hash to its SHA-256 and its signature holds with a certificate the site trusts. */
        VERIFIED,
        /** Its file is gone from the data folder. */
        MISSING,
        /** Its stored bytes changed. */
        TAMPERED,
        /** Its signature does not hold for its bytes. */
        BAD_SIGNATURE,
        /** Its signer's certificate is no longer one the site trusts to sign firmware. */
        UNTRUSTED_SIGNER
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
