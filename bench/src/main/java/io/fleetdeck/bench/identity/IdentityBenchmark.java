package io.fleetdeck.bench.identity;

import io.fleetdeck.bench.mqtt.BenchAccess;
import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.policy.PolicyEvaluator;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The cost of device identities (issue #5): new mutual-TLS connections per second, policy evaluation per publish with
 * and without the per-connection cache, and the #4 fan-in throughput with mutual TLS and policies on against the same
 * broker's plain listener (no TLS, no policies) in the same run.
 *
 * <p>Run: {@code bench/run identity}.
 */
public final class IdentityBenchmark {

    private IdentityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("fleetdeck-bench-identity");
        Path pki = folder.resolve("pki");
        ServerIdentity.loadOrCreate(pki, folder.resolve("provisioning/root-ca.pem"), Clock.systemUTC());
        Path store = folder.resolve("fleetdeck.db");
        Map<String, IssuedCertificate> devices = enroll(pki, store, folder);
        System.out.printf(
                Locale.ROOT,
                "Identity benchmark, %d cores, %d enrolled devices%n",
                Runtime.getRuntime().availableProcessors(),
                devices.size());
        PolicyCost.measure(pki, store, Objects.requireNonNull(devices.get("bench-pub-0")));
        BenchAccess.identityRuns(pki, store, folder.resolve("provisioning/root-ca.pem"), devices);
    }

    /** Ten publishers and a subscriber allowed to read all of {@code dt/}, and eight devices for handshakes. */
    private static Map<String, IssuedCertificate> enroll(Path pki, Path storeFile, Path folder) throws Exception {
        Map<String, IssuedCertificate> devices = new LinkedHashMap<>();
        try (Database store = Database.sqliteFile(storeFile)) {
            IdentityService identities =
                    IdentityService.open(store, CertificateAuthority.load(pki, Clock.systemUTC()), Clock.systemUTC());
            DeviceEnrollment enrollment = new DeviceEnrollment(identities, new Registry(store, Clock.systemUTC()));
            enrollment.ensureDefaults(folder.resolve("provisioning"));
            identities.createPolicy("bench-monitor", """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:*:*:topicfilter/dt/*"},
                      {"Effect": "Allow", "Action": "iot:Receive", "Resource": "arn:aws:iot:*:*:topic/dt/*"},
                      {"Effect": "Deny", "Action": "iot:Receive", "Resource": "arn:aws:iot:*:*:topic/dt/*/admin"}]}
                    """);
            for (String name : names()) {
                IssuedCertificate issued = enrollment.enrollDevice(name, Map.of("site", "bench"));
                devices.put(name, issued);
            }
            identities.attachPolicy(
                    "bench-monitor",
                    Objects.requireNonNull(devices.get("bench-sub"))
                            .certificate()
                            .id());
        } catch (IdentityException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return devices;
    }

    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        names.add("bench-sub");
        for (int p = 0; p < 10; p++) {
            names.add("bench-pub-" + p);
        }
        for (int h = 0; h < 8; h++) {
            names.add("handshake-" + h);
        }
        return names;
    }

    /** Policy evaluation per publish, straight through the evaluator and through a connection's cache. */
    static final class PolicyCost {

        private PolicyCost() {}

        static void measure(Path pki, Path storeFile, IssuedCertificate device) throws Exception {
            try (Database store = Database.sqliteFile(storeFile)) {
                IdentityService identities = IdentityService.open(
                        store, CertificateAuthority.load(pki, Clock.systemUTC()), Clock.systemUTC());
                X509Certificate certificate =
                        Pem.certificate(device.certificate().pem());
                ConnectionGuard guard = ConnectionGuard.admit(identities, certificate, "bench-pub-0", "127.0.0.1");
                var admitted = (io.fleetdeck.broker.auth.Admission.Admitted)
                        identities.admit(certificate, "bench-pub-0", "127.0.0.1");
                PolicyEvaluator evaluator = new PolicyEvaluator();
                String[] topics = new String[64];
                for (int i = 0; i < topics.length; i++) {
                    topics[i] = "dt/bench-pub-0/sensor-" + i;
                }
                double uncached = nanosPerOp(
                        () -> {
                            int allowed = 0;
                            for (String topic : topics) {
                                allowed += evaluator
                                                .decide(
                                                        admitted.policies(),
                                                        IotAction.PUBLISH,
                                                        topic,
                                                        admitted.principal())
                                                .allowed()
                                        ? 1
                                        : 0;
                            }
                            return allowed;
                        },
                        topics.length);
                double cached = nanosPerOp(
                        () -> {
                            int allowed = 0;
                            for (String topic : topics) {
                                allowed += guard.check(IotAction.PUBLISH, topic).allowed() ? 1 : 0;
                            }
                            return allowed;
                        },
                        topics.length);
                System.out.printf(
                        Locale.ROOT,
                        "policy evaluation per publish (default device policy, 64 topics): %.0f ns uncached,"
                                + " %.0f ns through the connection's cache (%.1fx)%n",
                        uncached,
                        cached,
                        uncached / cached);
            }
        }

        private interface Batch {
            int run();
        }

        /** Three seconds of warm-up, then the mean over five seconds; the sum is printed so no work is skipped. */
        private static double nanosPerOp(Batch batch, int perBatch) {
            long sink = 0;
            long warmUntil = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                sink += batch.run();
            }
            long operations = 0;
            long start = System.nanoTime();
            long until = start + 5_000_000_000L;
            while (System.nanoTime() < until) {
                sink += batch.run();
                operations += perBatch;
            }
            double nanos = (double) (System.nanoTime() - start) / operations;
            if (sink == 42) {
                System.out.println("(sink)");
            }
            return nanos;
        }
    }
}
