package io.fleetdeck.app.runtime;

import io.fleetdeck.broker.tls.DeviceBundleFiles;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.sim.ClaimBundle;
import io.fleetdeck.sim.DeviceIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo fleet's certificates, kept in {@code <data>/demo/} like the files a flashed device carries: each device
 * provisions itself by claim at its first start (with the data folder's claim bundle), and reuses its certificate on
 * every later start while the registry still has it ACTIVE; a revoked or lost one provisions itself again.
 */
final class DemoDevices {

    private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);

    private final Path folder;
    private final DeviceEnrollment enrollment;

    DemoDevices(Path folder, DeviceEnrollment enrollment) {
        this.folder = folder;
        this.enrollment = enrollment;
    }

    /** The identity kept for {@code thingName}, while the registry still has it ACTIVE; else null. */
    @Nullable DeviceIdentity known(String thingName) {
        DeviceBundleFiles files = new DeviceBundleFiles(folder, thingName);
        Path certFile = files.certificate();
        Path keyFile = files.privateKey();
        try {
            if (enrollment.activeCertificateIn(certFile).isPresent() && Files.isRegularFile(keyFile)) {
                return new DeviceIdentity(Files.readString(certFile), Files.readString(keyFile));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo device " + thingName + "'s certificate", e);
        }
    }

    /** Keeps what a device got by provisioning itself, as a real one keeps it in flash. */
    void keep(String thingName, DeviceIdentity identity) {
        try {
            new DeviceBundleFiles(folder, thingName).writeIdentity(identity.certificatePem(), identity.privateKeyPem());
            log.debug("Demo device {} provisioned itself by claim", thingName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo device " + thingName + "'s certificate", e);
        }
    }

    /** The data folder's claim bundle, which demo devices provision themselves with. */
    static ClaimBundle claimBundle(Path provisioning) throws IOException {
        return new ClaimBundle(
                Files.readString(provisioning.resolve("claim.cert.pem")),
                Files.readString(provisioning.resolve("claim.private.key")),
                DeviceEnrollment.DEFAULT_TEMPLATE);
    }
}
