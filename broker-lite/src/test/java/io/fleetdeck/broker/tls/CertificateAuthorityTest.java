package io.fleetdeck.broker.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's one CA: what the broker's first start makes and what device certificates fleet-core gets. */
class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private CertificateAuthority ca;

    @BeforeEach
    void firstStart() throws Exception {
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), clock);
        ca = CertificateAuthority.load(folder.resolve("pki"), clock);
    }

    @Test
    void theCaTheBrokerMadeIsTheOneThatSignsDevices() throws Exception {
        X509Certificate published = new PemFiles(folder).readCertificate(folder.resolve("provisioning/root-ca.pem"));

        assertThat(ca.certificate()).isEqualTo(published);
        ca.createKeysAndCertificate("pump-7", CaKeyType.EC_P256).certificate().verify(published.getPublicKey());
    }

    @Test
    void aDeviceCertificateIsAClientCertificateThatEndsWithItsCa() throws Exception {
        X509Certificate device =
                ca.createKeysAndCertificate("pump-7", CaKeyType.RSA_2048).certificate();

        assertThat(device.getSubjectX500Principal().getName()).isEqualTo("CN=pump-7");
        assertThat(device.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(ca.certificate().getNotAfter().toInstant())
                .as("the CA made on 2026-03-01 lasts ten years")
                .isBefore(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(device.getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
        assertThat(device.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(device.getBasicConstraints()).isEqualTo(-1);
        assertThat(device.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    /** Issue 16: the firmware signing certificate can sign code and nothing else, so it cannot join TLS. */
    @Test
    void aCodeSigningCertificateIsForCodeSigningOnly() throws Exception {
        KeyPair signer = Certificates.newKeyPair(CaKeyType.EC_P256);

        X509Certificate certificate = ca.issueCodeSigning("Fleetdeck firmware signer", signer.getPublic());

        certificate.verify(ca.certificate().getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName())
                .contains("CN=Fleetdeck firmware signer")
                .contains("O=Fleetdeck");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isFalse();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
    }

    /** Issue 15, defect 4: certificates signed from a CSR (fleet provisioning, JITP) end with the CA too. */
    @Test
    void noCertificateTheCaSignsOutlivesIt() throws Exception {
        Instant caEnds = ca.certificate().getNotAfter().toInstant();
        KeyPair held = Certificates.newKeyPair();

        assertThat(ca.issueFromCsr(csr(held, held)).getNotAfter().toInstant()).isEqualTo(caEnds);
        assertThat(ca.createKeysAndCertificate("claim", CaKeyType.EC_P256)
                        .certificate()
                        .getNotAfter()
                        .toInstant())
                .isEqualTo(caEnds);
        X509Certificate server = new PemFiles(folder).readCertificate(folder.resolve("pki/server.pem"));
        assertThat(server.getNotAfter().toInstant()).isBeforeOrEqualTo(caEnds);
    }

    /** A CA that outlasts 2049 (made in 2045) still gives devices AWS's end of 2049, not its own end. */
    @Test
    void aCaThatEndsAfter2049GivesDevicesTheEndOf2049() throws Exception {
        Clock in2045 = Clock.fixed(Instant.parse("2045-06-01T00:00:00Z"), ZoneOffset.UTC);
        ServerIdentity.loadOrCreate(folder.resolve("late/pki"), folder.resolve("late/root-ca.pem"), in2045);
        CertificateAuthority late = CertificateAuthority.load(folder.resolve("late/pki"), in2045);

        assertThat(late.createKeysAndCertificate("pump-7", CaKeyType.EC_P256)
                        .certificate()
                        .getNotAfter()
                        .toInstant())
                .isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
    }

    @Test
    void aCommonNameWithNameSyntaxInItIsEscapedNotSplit() throws Exception {
        X509Certificate device =
                ca.createKeysAndCertificate("pump,O=Evil", CaKeyType.EC_P256).certificate();

        assertThat(device.getSubjectX500Principal().getName()).isEqualTo("CN=pump\\,O\\=Evil");
    }

    @Test
    void aCsrIsSignedOnlyWhenItsSignatureShowsTheKeyIsHeld() throws Exception {
        KeyPair held = Certificates.newKeyPair();
        X509Certificate issued = ca.issueFromCsr(csr(held, held));

        assertThat(issued.getPublicKey()).isEqualTo(held.getPublic());
        assertThat(issued.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThatThrownBy(() -> ca.issueFromCsr(csr(Certificates.newKeyPair(), held)))
                .isInstanceOf(CertificateAuthority.InvalidCsrException.class)
                .hasMessage("the CSR's signature does not match its public key");
    }

    @Test
    void theRevocationListNamesEachRevokedSerialAndIsSignedByTheCa() throws Exception {
        X509CRL crl = ca.revocationList(Map.of(BigInteger.TEN, NOW.minusSeconds(60)));

        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(BigInteger.TEN).getRevocationDate().toInstant())
                .isEqualTo(NOW.minusSeconds(60));
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
    }

    @Test
    void theServerCertificateNamesTheLoopbackAddresses() throws Exception {
        X509Certificate server = new PemFiles(folder).readCertificate(folder.resolve("pki/server.pem"));

        assertThat(server.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    /** A CSR for {@code subject}'s public key, signed with {@code signer}'s private key. */
    private static PKCS10CertificationRequest csr(KeyPair subject, KeyPair signer) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=pump-8"), subject.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
    }
}
