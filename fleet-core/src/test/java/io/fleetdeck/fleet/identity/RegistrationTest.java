package io.fleetdeck.fleet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.CertificateChanged;
import io.fleetdeck.broker.Mosquitto;
import io.fleetdeck.broker.TestPki;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.fleet.store.StoreKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Bring-your-own CA, JITR (TV-C02), the CRL of the data folder's CA, and policy versions. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class RegistrationTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    private MutualTlsBroker running;
    private IdentityService identities;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<FleetEvent> certificateChanges = new CopyOnWriteArrayList<>();

    RegistrationTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void start() throws Exception {
        running = MutualTlsBroker.start(folder, store);
        identities = running.identities;
        identities.publishChangesTo(event -> certificateChanges.add(event));
        identities.publishEventsTo((topic, payload) -> running.broker.publish(topic, payload, 1, false));
        running.broker.subscribe(
                "$aws/events/certificates/registered/+",
                message -> events.add(message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8)));
        identities.createPolicy("device-default", DeviceEnrollment.DEVICE_POLICY_DOCUMENT);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private Mosquitto.Result publish(TestPki.Issued device, String clientId) throws Exception {
        return Mosquitto.pub(
                "-h",
                "localhost",
                "-p",
                Integer.toString(running.tlsPort()),
                "--cafile",
                folder.resolve("provisioning/root-ca.pem").toString(),
                "--cert",
                device.certFile().toString(),
                "--key",
                device.keyFile().toString(),
                "-i",
                clientId,
                "-q",
                "1",
                "-t",
                "dt/" + clientId + "/t",
                "-m",
                "x");
    }

    @Test
    void tvC02AnUnknownCertificateFromAnAutoRegisteringCaIsRegisteredPendingAndAnnounced() throws Exception {
        TestPki.Issued factoryCa = TestPki.ca(folder, "factory-ca");
        CaRecord ca = identities.registerCaCertificate(Files.readString(factoryCa.certFile()), true, true);
        TestPki.Issued device = TestPki.device(folder, factoryCa, "meter-12");

        var first = publish(device, "meter-12");

        assertThat(first.exitCode()).isNotZero();
        assertThat(identities.certificate(device.id()).orElseThrow().status())
                .isEqualTo(CertificateStatus.PENDING_ACTIVATION);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events.getFirst())
                .startsWith("$aws/events/certificates/registered/" + ca.id() + " ")
                .contains("\"certificateId\":\"" + device.id() + "\"")
                .contains("\"caCertificateId\":\"" + ca.id() + "\"")
                .contains("\"certificateStatus\":\"PENDING_ACTIVATION\"");

        identities.updateCertificate(device.id(), CertificateStatus.ACTIVE);
        running.registry.createThing("meter-12", null, Map.of());
        identities.attachThingPrincipal("meter-12", device.id());
        identities.attachPolicy("device-default", device.id());
        assertThat(publish(device, "meter-12").exitCode()).isZero();
        assertThat(certificateChanges)
                .as("the console and the index hear of the registration and the activation, in order")
                .containsExactly(
                        new CertificateChanged(device.id(), Change.CREATED, "PENDING_ACTIVATION"),
                        new CertificateChanged(device.id(), Change.UPDATED, "ACTIVE"));
    }

    @Test
    void aCaWithoutAutoRegistrationAcceptsOnlyCertificatesRegisteredWithIt() throws Exception {
        TestPki.Issued partnerCa = TestPki.ca(folder, "partner-ca");
        identities.registerCaCertificate(Files.readString(partnerCa.certFile()), true, false);
        TestPki.Issued known = TestPki.device(folder, partnerCa, "valve-1");
        TestPki.Issued unknown = TestPki.device(folder, partnerCa, "valve-2");
        identities.registerCertificate(Files.readString(known.certFile()), CertificateStatus.ACTIVE);
        running.registry.createThing("valve-1", null, Map.of());
        identities.attachThingPrincipal("valve-1", known.id());
        identities.attachPolicy("device-default", known.id());

        assertThat(publish(known, "valve-1").exitCode()).isZero();
        assertThat(publish(unknown, "valve-2").exitCode()).isNotZero();
        assertThat(identities.certificate(unknown.id())).isEmpty();
        assertThat(events).isEmpty();
        assertThatThrownBy(() -> identities.registerCertificate(
                        Files.readString(TestPki.device(folder, TestPki.ca(folder, "stranger-ca"), "x")
                                .certFile()),
                        CertificateStatus.ACTIVE))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("not issued by a registered CA");
    }

    @Test
    void revokingACertificateOfTheDataFoldersCaPutsItOnTheExportedCrl() throws Exception {
        Path crlFile = folder.resolve("provisioning/crl.pem");
        identities.exportRevocationListTo(crlFile);
        var kept = identities.createKeysAndCertificate("pump-1", CaKeyType.EC_P256, true);
        var lost = identities.createKeysAndCertificate("pump-2", CaKeyType.RSA_2048, true);

        identities.updateCertificate(lost.certificate().id(), CertificateStatus.REVOKED);

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509CRL crl = (X509CRL) factory.generateCRL(Files.newInputStream(crlFile));
        crl.verify(factory.generateCertificate(Files.newInputStream(folder.resolve("pki/root-ca.pem")))
                .getPublicKey());
        assertThat(crl.isRevoked(factory.generateCertificate(
                        new ByteArrayInputStream(lost.certificate().pem().getBytes(StandardCharsets.US_ASCII)))))
                .isTrue();
        assertThat(crl.isRevoked(factory.generateCertificate(
                        new ByteArrayInputStream(kept.certificate().pem().getBytes(StandardCharsets.US_ASCII)))))
                .isFalse();
    }

    @Test
    void aPolicyKeepsFiveVersionsAndTheDefaultOneIsInForce() throws Exception {
        String allowX = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                + "\"Resource\":\"arn:aws:iot:*:*:topic/x\"}]}";
        identities.createPolicy("ops", allowX);
        for (int i = 2; i <= 5; i++) {
            assertThat(identities.createPolicyVersion("ops", allowX.replace("topic/x", "topic/x" + i), false))
                    .isEqualTo(i);
        }

        assertThatThrownBy(() -> identities.createPolicyVersion("ops", allowX, false))
                .isInstanceOfSatisfying(
                        IdentityException.class, e -> assertThat(e.code()).isEqualTo(IdentityException.VERSIONS_LIMIT));
        identities.setDefaultPolicyVersion("ops", 3);
        assertThat(identities.policy("ops").orElseThrow().document()).contains("topic/x3");
        assertThatThrownBy(() -> identities.deletePolicyVersion("ops", 3))
                .isInstanceOfSatisfying(
                        IdentityException.class,
                        e -> assertThat(e.code()).isEqualTo(IdentityException.DELETE_CONFLICT));
        identities.deletePolicyVersion("ops", 1);
        assertThat(identities.policyVersions("ops")).containsExactly(2, 3, 4, 5);
        assertThat(identities.createPolicyVersion("ops", allowX, true)).isEqualTo(6);
    }
}
