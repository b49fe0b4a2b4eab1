package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.broker.tls.PemFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRL of the data folder's CA, written to a file whenever a certificate it issued is revoked. Any thread may call
 * it; the file is replaced atomically.
 */
final class RevocationList {

    // logs under IdentityService's name, as before it was split, so log settings and searches still find these lines
    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    private final IdentityStore store;
    private final CertificateAuthority authority;
    private volatile @Nullable Path file;

    RevocationList(IdentityStore store, CertificateAuthority authority) {
        this.store = store;
        this.authority = authority;
    }

    void exportTo(Path file) {
        this.file = file;
        export();
    }

    /** Writes the CRL anew, when there is a file to write it to; a failure is logged, the revocation stands. */
    void export() {
        Path file = this.file;
        if (file == null) {
            return;
        }
        Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Instant> entry :
                    store.revokedBy(Pem.certificateId(authority.certificate())).entrySet()) {
                revoked.put(Pem.certificate(entry.getKey()).getSerialNumber(), entry.getValue());
            }
            PemFiles.replace(file, Pem.of(authority.revocationList(revoked)), false);
        } catch (IOException | GeneralSecurityException | Pem.InvalidPemException e) {
            log.warn("Could not export the CRL to {}: {}", file, e.toString());
        }
    }
}
