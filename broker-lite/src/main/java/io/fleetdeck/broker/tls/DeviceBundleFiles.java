package io.fleetdeck.broker.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A device's certificate bundle in a folder, named as AWS's samples and {@code fleetdeck device add} name them:
 * {@code NAME.cert.pem}, {@code NAME.private.key} (owner-only) and {@code root-ca.pem}. The one writer of such bundles,
 * for the CLI, the console and the demo devices; each file is replaced atomically.
 */
public record DeviceBundleFiles(Path folder, String thingName) {

    public Path certificate() {
        return folder.resolve(thingName + ".cert.pem");
    }

    public Path privateKey() {
        return folder.resolve(thingName + ".private.key");
    }

    public Path rootCa() {
        return folder.resolve("root-ca.pem");
    }

    /** The device's own two files, as a device keeps them in flash. */
    public void writeIdentity(String certificatePem, String privateKeyPem) throws IOException {
        // the key first: a certificate without its key is worth nothing to a device
        PemFiles.replace(privateKey(), privateKeyPem, true);
        PemFiles.replace(certificate(), certificatePem, false);
    }

    /** All three files; returns them as certificate, key, root CA. */
    public List<Path> write(String certificatePem, String privateKeyPem, String rootCaPem) throws IOException {
        writeIdentity(certificatePem, privateKeyPem);
        PemFiles.replace(rootCa(), rootCaPem, false);
        return List.of(certificate(), privateKey(), rootCa());
    }
}
