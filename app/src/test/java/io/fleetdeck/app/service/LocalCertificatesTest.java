package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.api.error.CertificateStateException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Certificates view's policies as the real identity service on a real SQLite store gives them. */
class LocalCertificatesTest {

    @TempDir
    Path folder;

    private Database database;
    private IdentityService identities;
    private LocalCertificates directory;
    private DeviceEnrollment enrollment;

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        identities = IdentityService.open(database, CertificateAuthority.load(folder.resolve("pki"), clock), clock);
        Registry registry = new Registry(database, clock);
        enrollment = new DeviceEnrollment(identities, registry);
        enrollment.ensureDefaults(folder.resolve("provisioning"));
        directory = new LocalCertificates(identities, enrollment, folder.resolve("provisioning/root-ca.pem"), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private PolicyRow policy(String name) {
        return directory.snapshot().policies().stream()
                .filter(row -> row.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPolicyWithAnUnknownActionAndVariableCarriesAWarningForEach() throws Exception {
        identities.createPolicy("typos", """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow",
                                "Action": ["iot:Publish", "iot:Fly"],
                                "Resource": "arn:aws:iot:*:*:topic/${iot:Bogus}/*"}]}
                """);

        assertThat(policy("typos").warnings())
                .containsExactly(
                        "line 3, column 43: \"iot:Fly\" is not an AWS IoT action, so it allows or denies nothing",
                        "line 4, column 52: ${iot:Bogus} is not a policy variable, so it is never filled in and this"
                                + " resource matches nothing");
    }

    @Test
    void theDefaultPoliciesOfEveryDataFolderHaveNothingToWarnAbout() {
        assertThat(directory.snapshot().policies())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.warnings()).as(row.name()).isEmpty());
    }

    @Test
    void anIssuedBundleCarriesTheRootCaAndRefusalsComeInAwsWords() throws Exception {
        CertificateService certificates =
                new LocalCertificates(identities, enrollment, folder.resolve("ca.pem"), Clock.systemUTC());

        IssuedBundle bundle = certificates.issueCertificate("pump-7");
        assertThat(bundle.rootCaPem()).isEqualTo(Files.readString(folder.resolve("ca.pem")));
        assertThat(bundle.privateKeyPem()).startsWith("-----BEGIN");
        assertThat(bundle.toString()).doesNotContain(bundle.privateKeyPem());

        String id = bundle.certificateId();
        certificates.updateCertificate(id, CertificateStatusChange.REVOKED);
        assertThatThrownBy(() -> certificates.updateCertificate(id, CertificateStatusChange.ACTIVE))
                .isInstanceOfSatisfying(CertificateStateException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo("CertificateStateException");
                    assertThat(refused.httpStatus()).isEqualTo(409);
                });
        assertThatThrownBy(() -> certificates.attachPolicy("no-such-policy", id))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> certificates.simulate("pump-7", id, "Fly", "dt/pump-7"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the simulator knows");
    }
}
