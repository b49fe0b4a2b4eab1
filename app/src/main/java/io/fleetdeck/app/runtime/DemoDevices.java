package io.fleetdeck.app.runtime;

import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.sim.DeviceIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo fleet's certificates, kept in {@code <data>/demo/} like the files a flashed device carries: enrolled once,
 * reused on every start while the registry still has them ACTIVE, enrolled again when revoked or lost.
 */
final class DemoDevices {

    private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);

    private final Path folder;
    private final DeviceEnrollment enrollment;

    DemoDevices(Path folder, DeviceEnrollment enrollment) {
        this.folder = folder;
        this.enrollment = enrollment;
    }

    DeviceIdentity identity(String thingName) {
        Path certFile = folder.resolve(thingName + ".cert.pem");
        Path keyFile = folder.resolve(thingName + ".private.key");
        try {
            if (enrollment.activeCertificateIn(certFile).isPresent() && Files.isRegularFile(keyFile)) {
                return new DeviceIdentity(Files.readString(certFile), Files.readString(keyFile));
            }
            IssuedCertificate issued = enrollment.enrollDevice(thingName, Map.of("demo", "true"));
            PemFiles.replace(keyFile, issued.privateKeyPem(), true);
            PemFiles.replace(certFile, issued.certificate().pem(), false);
            log.debug(
                    "Enrolled demo device {} with certificate {}",
                    thingName,
                    issued.certificate().id());
            return new DeviceIdentity(issued.certificate().pem(), issued.privateKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo device " + thingName + "'s certificate", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot enroll the demo device " + thingName + ": " + e.getMessage(), e);
        }
    }
}
