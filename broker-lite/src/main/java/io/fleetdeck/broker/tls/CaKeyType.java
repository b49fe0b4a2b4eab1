package io.fleetdeck.broker.tls;

/**
 * The keys {@link CertificateAuthority} makes, for the root CA itself and for devices: ECDSA P-256 by default, as AWS
 * IoT's own certificates; RSA 2048 for fleets and devices that need RSA.
 */
public enum CaKeyType {
    EC_P256,
    RSA_2048
}
