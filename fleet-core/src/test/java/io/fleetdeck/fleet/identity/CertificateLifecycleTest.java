package io.fleetdeck.fleet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.Mosquitto;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A device certificate through its states with a real broker, a real store (SQLite and PostgreSQL) and Mosquitto's
 * clients (TV-C01 of AWS-IOT-BEHAVIOUR §10.5): only ACTIVE connects, revoking ends the live session, revoked is for
 * good.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class CertificateLifecycleTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    private MutualTlsBroker running;
    private IdentityService identities;

    CertificateLifecycleTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void start() throws Exception {
        running = MutualTlsBroker.start(folder, store);
        identities = running.identities;
        identities.createPolicy("device-default", DeviceEnrollment.DEVICE_POLICY_DOCUMENT);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** A thing with an ACTIVE certificate and the default policy, written as the files a device would get. */
    private Path[] device(String thing) throws Exception {
        running.registry.createThing(thing, null, Map.of());
        var issued = identities.createKeysAndCertificate(thing, CaKeyType.EC_P256, true);
        identities.attachThingPrincipal(thing, issued.certificate().id());
        identities.attachPolicy("device-default", issued.certificate().id());
        Path cert = Files.writeString(
                folder.resolve(thing + ".cert.pem"), issued.certificate().pem());
        Path key = Files.writeString(folder.resolve(thing + ".private.key"), issued.privateKeyPem());
        return new Path[] {cert, key, Path.of(issued.certificate().id())};
    }

    private Mosquitto.Result publish(Path[] device, String clientId, String topic) throws Exception {
        return Mosquitto.pub(
                "-h",
                "localhost",
                "-p",
                Integer.toString(running.tlsPort()),
                "--cafile",
                folder.resolve("provisioning/root-ca.pem").toString(),
                "--cert",
                device[0].toString(),
                "--key",
                device[1].toString(),
                "-i",
                clientId,
                "-q",
                "1",
                "-t",
                topic,
                "-m",
                "x");
    }

    @Test
    void onlyAnActiveCertificateConnects() throws Exception {
        Path[] pump = device("pump-1");
        String id = pump[2].toString();
        assertThat(publish(pump, "pump-1", "dt/pump-1/t").exitCode()).isZero();

        identities.updateCertificate(id, CertificateStatus.INACTIVE);
        var refused = publish(pump, "pump-1", "dt/pump-1/t");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("not authori");

        identities.updateCertificate(id, CertificateStatus.ACTIVE);
        assertThat(publish(pump, "pump-1", "dt/pump-1/t").exitCode()).isZero();
        assertThat(identities.certificate(id).orElseThrow().lastSeen()).isNotNull();
    }

    @Test
    void revokingEndsTheLiveSessionAndIsForGood() throws Exception {
        Path[] pump = device("pump-2");
        String id = pump[2].toString();
        try (var live = Mosquitto.sub(
                "-d",
                "-h",
                "localhost",
                "-p",
                Integer.toString(running.tlsPort()),
                "--cafile",
                folder.resolve("provisioning/root-ca.pem").toString(),
                "--cert",
                pump[0].toString(),
                "--key",
                pump[1].toString(),
                "-i",
                "pump-2",
                "-t",
                "dt/pump-2/#")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> live.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            identities.updateCertificate(id, CertificateStatus.REVOKED);

            assertThat(live.awaitExit())
                    .as("mosquitto_sub, its reconnect refused")
                    .isNotZero();
            assertThat(String.join("\n", live.lines())).containsIgnoringCase("not authori");
        }
        assertThatThrownBy(() -> identities.updateCertificate(id, CertificateStatus.ACTIVE))
                .isInstanceOfSatisfying(
                        IdentityException.class,
                        e -> assertThat(e.code()).isEqualTo(IdentityException.CERTIFICATE_STATE));
        assertThatThrownBy(() -> identities.updateCertificate(id, CertificateStatus.PENDING_ACTIVATION))
                .isInstanceOfSatisfying(
                        IdentityException.class,
                        e -> assertThat(e.code()).isEqualTo(IdentityException.INVALID_REQUEST));
    }

    @Test
    void aMalformedPolicyIsRefusedWithWhereAndWhyAndNothingIsStored() {
        assertThatThrownBy(() -> identities.createPolicy(
                        "broken", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Permit\"}]}"))
                .isInstanceOfSatisfying(IdentityException.class, e -> {
                    assertThat(e.code()).isEqualTo(IdentityException.MALFORMED_POLICY);
                    assertThat(e.getMessage()).contains("line 1, column 48").contains("Permit");
                });
        assertThat(identities.policy("broken")).isEmpty();
    }

    @Test
    void certificatesPoliciesAndAttachmentsSurviveARestart() throws Exception {
        Path[] pump = device("pump-3");
        running.close();
        running = MutualTlsBroker.start(folder, store);
        identities = running.identities;

        String id = pump[2].toString();
        assertThat(identities.certificate(id).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(identities.policiesOf(id)).extracting(PolicyRecord::name).containsExactly("device-default");
        assertThat(identities.thingsOf(id)).extracting(ThingRecord::name).containsExactly("pump-3");
        assertThat(identities.certificateAuthorities()).hasSize(1);
    }
}
