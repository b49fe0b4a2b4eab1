package io.fleetdeck.broker.auth;

import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.policy.PolicyEvaluator;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One connection's policy checks: the admission from CONNECT and its decisions cached by action and resource, thrown
 * away when the authority's generation moves (a policy, attachment or certificate changed) and asked for again.
 * Thread-safe: deliveries are checked on publishers' threads.
 */
public final class ConnectionGuard {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    /* a bound per connection, so a client walking through endless topics cannot grow its cache without end */
    private static final int MAX_CACHED_DECISIONS = 4096;

    private final ClientAuthority authority;
    private final X509Certificate certificate;
    private final String clientId;
    private final @Nullable String sourceIp;
    private final Map<String, Decision> cache = new ConcurrentHashMap<>();
    private volatile @Nullable Admission admission;
    private volatile long generation;

    private ConnectionGuard(
            ClientAuthority authority, X509Certificate certificate, String clientId, @Nullable String sourceIp) {
        this.authority = authority;
        this.certificate = certificate;
        this.clientId = clientId;
        this.sourceIp = sourceIp;
    }

    /** Asks the authority to admit a connection; the guard answers for it from then on. */
    public static ConnectionGuard admit(
            ClientAuthority authority, X509Certificate certificate, String clientId, @Nullable String sourceIp) {
        ConnectionGuard guard = new ConnectionGuard(authority, certificate, clientId, sourceIp);
        guard.refresh();
        return guard;
    }

    /** Why the connection may not go on, or null when it is admitted. */
    public @Nullable String refusal() {
        return admission instanceof Admission.Refused refused ? refused.reason() : null;
    }

    public @Nullable String certificateId() {
        return admission instanceof Admission.Admitted admitted ? admitted.certificateId() : null;
    }

    public Decision check(IotAction action, String resource) {
        if (authority.generation() != generation) {
            refresh();
        }
        if (!(admission instanceof Admission.Admitted admitted)) {
            return new Decision(false, null, -1);
        }
        String key = action.ordinal() + resource;
        Decision cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Decision decision = EVALUATOR.decide(admitted.policies(), action, resource, admitted.principal());
        if (cache.size() >= MAX_CACHED_DECISIONS) {
            cache.clear();
        }
        cache.put(key, decision);
        return decision;
    }

    private synchronized void refresh() {
        long now = authority.generation();
        admission = authority.admit(certificate, clientId, sourceIp);
        cache.clear();
        generation = now;
    }
}
