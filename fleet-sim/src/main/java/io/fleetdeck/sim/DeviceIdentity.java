package io.fleetdeck.sim;

/** A device's own certificate and private key, as PEM text: what a device flashed for mutual TLS carries. */
public record DeviceIdentity(String certificatePem, String privateKeyPem) {}
