package io.fleetdeck.api.certificates;

/**
 * What a device needs to connect: its new certificate, the private key that exists nowhere else, and the root CA that
 * signs the broker's certificate.
 */
public record IssuedBundle(
        String thingName, String certificateId, String certificatePem, String privateKeyPem, String rootCaPem) {

    /** Without the private key, so a bundle in a log or a test failure does not leak it. */
    @Override
    public String toString() {
        return "IssuedBundle[thing=" + thingName + ", certificate=" + certificateId + "]";
    }
}
