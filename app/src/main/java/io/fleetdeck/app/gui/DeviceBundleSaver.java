package io.fleetdeck.app.gui;

import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.broker.tls.DeviceBundleFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The console's bundle files, written as {@code fleetdeck device add} writes them: by the one bundle writer. */
final class DeviceBundleSaver {

    private DeviceBundleSaver() {}

    static List<Path> save(IssuedBundle bundle, Path folder) throws IOException {
        return new DeviceBundleFiles(folder, bundle.thingName())
                .write(bundle.certificatePem(), bundle.privateKeyPem(), bundle.rootCaPem());
    }
}
