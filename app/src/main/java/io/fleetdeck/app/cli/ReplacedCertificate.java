package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.broker.input.BoundedFiles;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.broker.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificate in a device's {@code NAME.cert.pem} that {@code device add --force} replaces: revoked before a new
 * one is issued, so the certificate whose key is about to be overwritten can never connect again.
 */
record ReplacedCertificate(Path file) {

    /** Revokes the file's certificate when this fleet knows it and it is not revoked yet; returns what was done. */
    String revoke(CertificateService certificates) throws FleetApiException {
        if (!Files.exists(file)) {
            return CliMessages.say("replaced.noFile", file.toString());
        }
        String id;
        try {
            id = Pem.certificateId(Pem.certificate(BoundedFiles.readString(file, PemFiles.MAX_BYTES)));
        } catch (IOException e) {
            return CliMessages.say("replaced.unreadable", file.toString(), FileProblem.of(e));
        } catch (Pem.InvalidPemException e) {
            return CliMessages.say("replaced.noCertificate", file.toString(), String.valueOf(e.getMessage()));
        }
        CertificateRow known;
        try {
            known = certificates.describeCertificate(id);
        } catch (ResourceNotFoundException e) {
            return CliMessages.say("replaced.notOurs", file.toString(), id);
        }
        if (known.status().equals(CertificateStatusChange.REVOKED.name())) {
            return CliMessages.say("replaced.alreadyRevoked", id, file.toString());
        }
        certificates.updateCertificate(id, CertificateStatusChange.REVOKED);
        return CliMessages.say("replaced.revoked", id, file.toString());
    }
}
