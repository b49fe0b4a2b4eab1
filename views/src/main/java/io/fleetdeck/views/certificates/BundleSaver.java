package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.IssuedBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an issued bundle into a folder of the machine the console runs on: a desktop's own job, like picking the
 * folder, not the fleet's (the service hands the bundle over; where the key goes is the operator's choice).
 */
@FunctionalInterface
public interface BundleSaver {

    /** The files written: certificate, private key, root CA. */
    List<Path> save(IssuedBundle bundle, Path folder) throws IOException;
}
