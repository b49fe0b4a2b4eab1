package io.fleetdeck.broker;

import io.fleetdeck.broker.auth.Admission;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.policy.AttachedPolicy;
import io.fleetdeck.broker.policy.PolicyParser;
import io.fleetdeck.broker.policy.PrincipalContext;
import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A registry in a few maps, for broker tests: the real one lives in fleet-core and is tested there. Certificates by id
 * with an active flag, the thing each is attached to, and one policy for all.
 */
final class MapAuthority implements ClientAuthority {

    private final List<X509Certificate> cas = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final Map<String, String> thingOf = new ConcurrentHashMap<>();
    private final List<Consumer<String>> disabledListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile List<AttachedPolicy> policies = List.of();

    void trust(X509Certificate ca) {
        cas.add(ca);
    }

    void register(TestPki.Issued device, String thing) {
        active.put(device.id(), true);
        thingOf.put(device.id(), thing);
        generation.incrementAndGet();
    }

    void policy(String document) throws Exception {
        policies = List.of(new AttachedPolicy("device-policy", PolicyParser.parse(document)));
        generation.incrementAndGet();
    }

    void revoke(String certificateId) {
        active.put(certificateId, false);
        generation.incrementAndGet();
        disabledListeners.forEach(listener -> listener.accept(certificateId));
    }

    @Override
    public List<X509Certificate> trustedAuthorities() {
        return List.copyOf(cas);
    }

    @Override
    public Admission admit(X509Certificate certificate, String clientId, String sourceIp) {
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (Exception e) {
            return new Admission.Refused(e.toString());
        }
        if (!active.getOrDefault(id, false)) {
            return new Admission.Refused("certificate " + id + " is not ACTIVE");
        }
        String thing = thingOf.get(id);
        PrincipalContext principal = PrincipalContext.forCertificate(
                clientId,
                sourceIp,
                new CertificateFacts(id, certificate.getSerialNumber().toString(16), Map.of(), Map.of(), Map.of()),
                thing == null ? Map.of() : Map.of(thing, new Thing(thing, null, Map.of())),
                Instant.now());
        return new Admission.Admitted(id, principal, policies);
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public void onCertificateDisabled(Consumer<String> listener) {
        disabledListeners.add(listener);
    }
}
