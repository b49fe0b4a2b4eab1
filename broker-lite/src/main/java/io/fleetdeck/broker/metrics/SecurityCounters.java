package io.fleetdeck.broker.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * What Device Defender watches per client id (AWS-IOT-BEHAVIOUR §7): connection attempts, authorization failures and
 * the source addresses a client id connects from. Bounded, since client ids are chosen by whoever connects: past
 * {@code maxClients} ids, further ones are counted together under {@link #OTHER_CLIENTS}. Thread-safe.
 */
public final class SecurityCounters {

    public static final String OTHER_CLIENTS = "*";
    private static final int MAX_ADDRESSES_PER_CLIENT = 16;

    private final int maxClients;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public SecurityCounters(int maxClients) {
        this.maxClients = maxClients;
    }

    public void connectionAttempt(String clientId, @Nullable String sourceIp) {
        Client client = client(clientId);
        client.attempts.increment();
        if (sourceIp != null && client.addresses.size() < MAX_ADDRESSES_PER_CLIENT) {
            client.addresses.add(sourceIp);
        }
    }

    public void authorizationFailure(String clientId) {
        client(clientId).failures.increment();
    }

    public ClientSecurity of(String clientId) {
        Client client = clients.get(clientId);
        return client == null ? new ClientSecurity(clientId, 0, 0, List.of()) : client.snapshot(clientId);
    }

    public List<ClientSecurity> snapshot() {
        return clients.entrySet().stream()
                .map(entry -> entry.getValue().snapshot(entry.getKey()))
                .toList();
    }

    private Client client(String clientId) {
        Client known = clients.get(clientId);
        if (known != null) {
            return known;
        }
        String key = clients.size() >= maxClients ? OTHER_CLIENTS : clientId;
        return clients.computeIfAbsent(key, k -> new Client());
    }

    /** One client id's counts; source addresses sorted, at most sixteen kept. */
    public record ClientSecurity(
            String clientId, long connectionAttempts, long authorizationFailures, List<String> sourceIps) {}

    private static final class Client {
        final LongAdder attempts = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Set<String> addresses = ConcurrentHashMap.newKeySet();

        ClientSecurity snapshot(String clientId) {
            return new ClientSecurity(
                    clientId,
                    attempts.sum(),
                    failures.sum(),
                    addresses.stream().sorted().toList());
        }
    }
}
