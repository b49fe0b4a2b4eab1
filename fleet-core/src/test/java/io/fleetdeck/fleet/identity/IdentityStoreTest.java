package io.fleetdeck.fleet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every query of the identity store, on each database: what goes in comes back out, in the documented order. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class IdentityStoreTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123Z");

    private final StoreKind store;

    @TempDir
    Path folder;

    private Database database;
    private IdentityStore identities;

    IdentityStoreTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void open() {
        database = store.open(folder);
        identities = new IdentityStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void casKeepTheirFlagsAndTimes() {
        CaRecord root = new CaRecord("ca-1", "PEM1", "CN=root", true, false, T0.plusSeconds(3600), T0);
        CaRecord jitr = new CaRecord("ca-2", "PEM2", "CN=jitr", false, true, T0.plusSeconds(7200), T0.plusMillis(1));
        identities.insertCa(jitr);
        identities.insertCa(root);

        assertThat(identities.cas()).containsExactly(root, jitr);
        assertThat(identities.findCa("ca-2")).contains(jitr);
        assertThat(identities.findCa("ca-3")).isEmpty();
    }

    @Test
    void certificatesGoThroughTheirStatesAndRevokedOnesFeedTheCrl() {
        CertificateRecord one = certificate("c1", "ca-1", T0);
        CertificateRecord two = certificate("c2", "ca-1", T0);
        CertificateRecord other = certificate("c3", null, T0.plusMillis(5));
        identities.insertCertificate(two);
        identities.insertCertificate(other);
        identities.insertCertificate(one);
        assertThat(identities.certificates()).containsExactly(one, two, other);
        assertThat(identities.findCertificate("c1")).contains(one);
        assertThat(identities.findCertificate("c1").orElseThrow().lastSeen()).isNull();

        identities.seen("c1", T0.plusSeconds(60));
        assertThat(identities.findCertificate("c1").orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(60));

        identities.updateStatus("c2", CertificateStatus.INACTIVE, T0.plusSeconds(1));
        identities.updateStatus("c1", CertificateStatus.REVOKED, T0.plusSeconds(2));
        assertThat(identities.findCertificate("c2").orElseThrow().status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(identities.revokedBy("ca-1")).containsExactly(Map.entry("PEM-c1", T0.plusSeconds(2)));
        assertThat(identities.revokedBy("ca-9")).isEmpty();

        identities.deleteCertificate("c3");
        assertThat(identities.findCertificate("c3")).isEmpty();
    }

    @Test
    void policiesKeepNumberedVersionsAndTheirAttachments() {
        identities.insertPolicy("device", "{\"v\":1}", T0);
        assertThat(identities.addPolicyVersion("device", "{\"v\":2}", false, T0))
                .isEqualTo(2);
        assertThat(identities.addPolicyVersion("device", "{\"v\":3}", true, T0)).isEqualTo(3);
        assertThat(identities.findPolicy("device")).contains(new PolicyRecord("device", 3, "{\"v\":3}", T0));

        identities.setDefaultPolicyVersion("device", 1);
        identities.deletePolicyVersion("device", 3);
        assertThat(identities.policyVersions("device")).containsExactly(1, 2);
        assertThat(identities.addPolicyVersion("device", "{\"v\":4}", false, T0))
                .as("a deleted version's number is never given again")
                .isEqualTo(4);

        identities.insertPolicy("Admin", "{}", T0);
        identities.insertPolicy("claim_only", "{}", T0);
        assertThat(identities.policies())
                .extracting(PolicyRecord::name)
                .containsExactly("Admin", "claim_only", "device");

        identities.attachPolicy("device", "c1");
        identities.attachPolicy("device", "c1"); // attaching twice is one attachment
        identities.attachPolicy("Admin", "c1");
        identities.attachPolicy("device", "group:site-A");
        assertThat(identities.policiesAttachedTo("c1"))
                .extracting(PolicyRecord::name, PolicyRecord::document)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Admin", "{}"),
                        org.assertj.core.groups.Tuple.tuple("device", "{\"v\":1}"));
        assertThat(identities.targetsOf("device")).containsExactly("c1", "group:site-A");

        identities.detachPolicy("device", "c1");
        assertThat(identities.targetsOf("device")).containsExactly("group:site-A");
        assertThat(identities.findPolicy("nobody")).isEmpty();
    }

    @Test
    void thingsAndTheirPrincipals() throws Exception {
        // things are the registry's to write; this store reads them for policies and principals
        Registry registry = new Registry(database, Clock.systemUTC());
        registry.putThing("pump-7", Map.of("site", "A"));
        registry.putThing("pump-7", Map.of("site", "B", "floor", "2"));
        registry.putThing("Pump-1", Map.of());
        assertThat(identities.findThing("pump-7"))
                .contains(new ThingRecord("pump-7", Map.of("site", "B", "floor", "2"), 2));
        assertThat(identities.findThing("valve")).isEmpty();

        identities.insertCertificate(certificate("c1", null, T0));
        identities.insertCertificate(certificate("c2", null, T0));
        identities.attachThingPrincipal("pump-7", "c1");
        identities.attachThingPrincipal("pump-7", "c1");
        identities.attachThingPrincipal("Pump-1", "c1");
        identities.attachThingPrincipal("pump-7", "c2");

        assertThat(identities.thingsOf("c1")).extracting(ThingRecord::name).containsExactly("Pump-1", "pump-7");
        assertThat(identities.principalsOf("pump-7")).containsExactly("c1", "c2");
        assertThat(identities.thingNamesByCertificate())
                .containsOnly(Map.entry("c1", List.of("Pump-1", "pump-7")), Map.entry("c2", List.of("pump-7")));

        identities.detachThingPrincipal("pump-7", "c1");
        assertThat(identities.principalsOf("pump-7")).containsExactly("c2");
        identities.deleteCertificate("c2"); // its attachments go with it
        assertThat(identities.principalsOf("pump-7")).isEmpty();
    }

    private static CertificateRecord certificate(String id, String caId, Instant createdAt) {
        return new CertificateRecord(
                id,
                "PEM-" + id,
                caId,
                "CN=" + id,
                CertificateStatus.ACTIVE,
                createdAt.plusSeconds(86_400),
                createdAt,
                null);
    }
}
