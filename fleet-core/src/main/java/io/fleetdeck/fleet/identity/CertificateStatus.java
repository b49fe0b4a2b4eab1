package io.fleetdeck.fleet.identity;

/** A certificate's state and the moves between states that AWS IoT allows (AWS-IOT-BEHAVIOUR §5.1). */
public enum CertificateStatus {
    ACTIVE,
    INACTIVE,
    REVOKED,
    PENDING_TRANSFER,
    REGISTER_INACTIVE,
    PENDING_ACTIVATION;

    /** Only an ACTIVE certificate authenticates. */
    public boolean canConnect() {
        return this == ACTIVE;
    }

    /**
     * Checks an UpdateCertificate from this state to {@code next}: the PENDING states are the service's own and cannot
     * be set, and a revoked certificate stays revoked.
     */
    public void checkUpdateTo(CertificateStatus next) throws IdentityException {
        if (next == PENDING_TRANSFER || next == PENDING_ACTIVATION) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST, "a certificate cannot be set to " + next + " by an update");
        }
        if (this == REVOKED && next != REVOKED) {
            throw new IdentityException(
                    IdentityException.CERTIFICATE_STATE, "a revoked certificate cannot become " + next);
        }
        if (this == PENDING_TRANSFER) {
            throw new IdentityException(
                    IdentityException.CERTIFICATE_STATE, "a certificate being transferred cannot be updated");
        }
    }
}
