package io.fleetdeck.broker.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Key pairs, serial numbers and signature algorithms for the certificates {@link CertificateAuthority} makes. */
final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    static KeyPair newKeyPair(CaKeyType type) throws GeneralSecurityException {
        if (type == CaKeyType.RSA_2048) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        }
        return newKeyPair();
    }

    /** The signature a key signs certificates with. */
    static String signatureAlgorithm(java.security.PrivateKey signer) {
        return signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    /** An ECDSA P-256 key pair, the default key type of AWS IoT device and server certificates. */
    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** A positive 159-bit random serial, as RFC 5280 §4.1.2.2 and the CA/Browser Forum ask. */
    static BigInteger newSerial() {
        return new BigInteger(159, RANDOM);
    }
}
