package io.fleetdeck.bench;

import io.fleetdeck.broker.tls.Pem;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A device's side of mutual TLS from its PEM texts: its certificate and PKCS#8 key, trusting the broker's CA. */
public final class DeviceTls {

    private DeviceTls() {}

    public static SSLSocketFactory socketFactory(String caPem, String certificatePem, String privateKeyPem)
            throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", Pem.privateKey(privateKeyPem), new char[0], new X509Certificate[] {
            Pem.certificate(certificatePem)
        });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", Pem.certificate(caPem));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
