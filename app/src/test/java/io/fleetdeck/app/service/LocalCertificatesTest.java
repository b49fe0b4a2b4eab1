package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.certificates.CertificateIdPrefix;
import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
    void aPolicyIsAttachedToAGroupAndDetachedAndAnUnknownPolicyIsRefusedInAwsWords() throws Exception {
        identities.createPolicy(
                "north-telemetry",
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                        + " \"iot:Publish\", \"Resource\": \"*\"}]}");

        directory.attachPolicyToGroup("north-telemetry", "site-north");
        assertThat(identities.groupPolicies("site-north")).containsExactly("north-telemetry");
        directory.detachPolicyFromGroup("north-telemetry", "site-north");
        assertThat(identities.groupPolicies("site-north")).isEmpty();

        assertThatThrownBy(() -> directory.attachPolicyToGroup("no-such-policy", "site-north"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("no-such-policy");
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

    /** Issue 15, defect 13: a certificate is named by the first digits the table shows, in either case. */
    @Test
    void aCertificateIsFoundByTheStartOfItsId() throws Exception {
        CertificateService directory =
                new LocalCertificates(identities, enrollment, folder.resolve("ca.pem"), Clock.systemUTC());
        String id = directory.issueCertificate("pump-7").certificateId();

        assertThat(directory
                        .describeCertificate(id.substring(0, 8).toUpperCase(Locale.ROOT))
                        .id())
                .isEqualTo(id);
        assertThat(directory.describeCertificate(id.substring(0, 12)).things()).containsExactly("pump-7");
        assertThat(directory.describeCertificate(id).status()).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> directory.describeCertificate(id.substring(0, 7)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'" + id.substring(0, 7) + "' has 7 hex digits; give at least 8 of a certificate id (64 in"
                        + " all), as many as it takes to name one certificate");
        assertThatThrownBy(() -> directory.describeCertificate("pump-7-cert"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'pump-7-cert' is not a certificate id: an id is hex digits (0-9, a-f)");
        String other = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1, 10);
        assertThatThrownBy(() -> directory.describeCertificate(other))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no certificate id begins with " + other);
    }

    /** Two ids that share the digits given are both named, and neither is chosen. */
    @Test
    void aStartSharedByTwoCertificatesNamesBoth() {
        List<CertificateRow> rows = List.of(
                row("0123456789" + "a".repeat(54), "pump-7", "ACTIVE"),
                row("0123456789" + "b".repeat(54), "pump-8", "REVOKED"),
                row("f".repeat(64), "pump-9", "ACTIVE"));

        assertThatThrownBy(() -> CertificateIdPrefix.of("01234567").findIn(rows))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("2 certificate ids begin with 01234567, give more digits: 0123456789" + "a".repeat(54)
                        + " (pump-7, ACTIVE), 0123456789" + "b".repeat(54) + " (pump-8, REVOKED)");
    }

    private static CertificateRow row(String id, String thing, String status) {
        return new CertificateRow(
                id, thing, status, List.of(thing), Instant.parse("2036-12-04T00:00:00Z"), null, List.of(), false);
    }
}
