package io.fleetdeck.broker.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The port through which the broker asks the registry who a device is and what it may do: registered CAs, certificate
 * states, attached things and policies live in fleet-core, the broker only enforces. Implementations must be
 * thread-safe and fast: {@link #generation()} is read on every packet.
 */
public interface ClientAuthority {

    /** The CA certificates a device certificate may chain to; read at every TLS handshake, so changes apply at once. */
    List<X509Certificate> trustedAuthorities();

    /** At CONNECT: the identity behind {@code certificate} and the policies in force for it, or why it may not connect. */
    Admission admit(X509Certificate certificate, String clientId, @Nullable String sourceIp);

    /**
     * A number that changes whenever a certificate, policy or attachment changes, so a connection knows its cached
     * decisions are stale and asks again.
     */
    long generation();

    /** Registers a listener told the id of every certificate that leaves ACTIVE: its live connections must end. */
    void onCertificateDisabled(Consumer<String> certificateId);
}
