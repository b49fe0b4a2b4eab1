package io.fleetdeck.broker.tls;

/** The root CA's key: ECDSA P-256 by default, as AWS IoT's own certificates; RSA 2048 for fleets that need RSA. */
public enum CaKeyType {
    EC_P256,
    RSA_2048
}
