package io.fleetdeck.broker.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a policy may ask about the client behind a request (AWS-IOT-BEHAVIOUR §5.7): its client id and address, the
 * certificate it presented, and the thing attached to that certificate whose name is the client id.
 *
 * @param sourceIp the client's IP address, or null
 * @param certificateId SHA-256 of the presented certificate, or null without one
 * @param attachedThings names of the things attached to the certificate
 * @param thing the attached thing whose name is the client id, or null when there is none
 * @param subject the certificate subject's attributes by AWS name (CommonName, Organization, ...), each with its values
 * @param issuer the issuer's attributes, likewise
 * @param alternativeNames the subject alternative names by AWS type (DNSName, IPAddress, RFC822Name, ...)
 * @param clientIdIsRegisteredThing whether the client id is the name of a registered thing, attached to this
 *     certificate or not: Fleetdeck's condition key {@code fleetdeck:ClientIdIsRegisteredThing}, with which the claim
 *     policy keeps a shared claim certificate from connecting as a device
 */
public record PrincipalContext(
        String clientId,
        @Nullable String sourceIp,
        @Nullable String certificateId,
        @Nullable String certificateSerial,
        Set<String> attachedThings,
        @Nullable Thing thing,
        Map<String, List<String>> subject,
        Map<String, List<String>> issuer,
        Map<String, List<String>> alternativeNames,
        Instant now,
        boolean clientIdIsRegisteredThing) {

    public PrincipalContext {
        attachedThings = Set.copyOf(attachedThings);
        subject = Map.copyOf(subject);
        issuer = Map.copyOf(issuer);
        alternativeNames = Map.copyOf(alternativeNames);
    }

    /**
     * A client connected with a certificate: {@code ${iot:Connection.Thing.*}} resolve only when a thing attached to
     * the certificate has the client id as its name (AWS-IOT-BEHAVIOUR §5.7).
     */
    public static PrincipalContext forCertificate(
            String clientId,
            @Nullable String sourceIp,
            CertificateFacts certificate,
            Map<String, Thing> attachedThings,
            Instant now) {
        return new PrincipalContext(
                clientId,
                sourceIp,
                certificate.id(),
                certificate.serial(),
                attachedThings.keySet(),
                attachedThings.get(clientId),
                certificate.subject(),
                certificate.issuer(),
                certificate.alternativeNames(),
                now,
                false);
    }

    /** The same principal, told whether its client id names a registered thing. */
    public PrincipalContext withClientIdOfRegisteredThing(boolean registered) {
        return new PrincipalContext(
                clientId,
                sourceIp,
                certificateId,
                certificateSerial,
                attachedThings,
                thing,
                subject,
                issuer,
                alternativeNames,
                now,
                registered);
    }

    /** What policies may read of a client certificate. */
    public record CertificateFacts(
            String id,
            String serial,
            Map<String, List<String>> subject,
            Map<String, List<String>> issuer,
            Map<String, List<String>> alternativeNames) {}

    /** A client known only by its id, as over the plain loopback listener. */
    public static PrincipalContext ofClientId(String clientId, Instant now) {
        return new PrincipalContext(
                clientId, null, null, null, Set.of(), null, Map.of(), Map.of(), Map.of(), now, false);
    }

    /** The thing a connection speaks for, with what policies may read of it. */
    public record Thing(String name, @Nullable String typeName, Map<String, String> attributes) {

        public Thing {
            attributes = Map.copyOf(attributes);
        }
    }

    public Optional<Thing> connectionThing() {
        return Optional.ofNullable(thing);
    }
}
