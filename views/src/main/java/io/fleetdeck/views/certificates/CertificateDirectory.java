package io.fleetdeck.views.certificates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Certificates view reads from and asks of the device identity registry, in the view's own terms; the
 * application implements it over its identity service. Called on background threads, never the JavaFX thread.
 * Every action that the registry refuses throws {@link CertificateActionException} with the registry's own words.
 */
public interface CertificateDirectory {

    /** The actions the policy simulator can try, as AWS IoT names them without the {@code iot:} prefix. */
    List<String> SIMULATED_ACTIONS = List.of("Connect", "Publish", "Subscribe", "Receive");

    /** The CAs, certificates and policies as they are now. */
    CertificatesSnapshot snapshot();

    void activate(String certificateId) throws CertificateActionException;

    void deactivate(String certificateId) throws CertificateActionException;

    /** Revokes for good: a revoked certificate never connects again and cannot be made active. */
    void revoke(String certificateId) throws CertificateActionException;

    void attachPolicy(String policyName, String certificateId) throws CertificateActionException;

    void detachPolicy(String policyName, String certificateId) throws CertificateActionException;

    /**
     * A fresh certificate for {@code thingName} (the thing is created when missing) with the default device policy.
     * The private key exists only in the result.
     */
    IssuedBundle issueFor(String thingName) throws CertificateActionException;

    /**
     * Writes {@code bundle} to {@code folder} as {@code fleetdeck device add} does ({@code NAME.cert.pem},
     * {@code NAME.private.key} owner-only, {@code root-ca.pem}); returns the files in that order.
     */
    List<Path> saveBundle(IssuedBundle bundle, Path folder) throws IOException;

    /**
     * Evaluates the policies attached to {@code certificateId} for a client presenting it.
     *
     * @param action one of {@link #SIMULATED_ACTIONS}
     * @param resource the topic (Publish, Receive), topic filter (Subscribe) or client id (Connect)
     */
    SimulationResult simulate(String clientId, String certificateId, String action, String resource)
            throws CertificateActionException;
}
