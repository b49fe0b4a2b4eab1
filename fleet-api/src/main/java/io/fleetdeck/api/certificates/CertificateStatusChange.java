package io.fleetdeck.api.certificates;

/** The states an operator may put a certificate in; REVOKED is for good. */
public enum CertificateStatusChange {
    ACTIVE,
    INACTIVE,
    REVOKED
}
