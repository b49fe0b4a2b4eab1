package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.certificates.CertificateRegistry;
import io.fleetdeck.api.certificates.CertificateSummary;
import io.fleetdeck.api.certificates.PolicyDescription;
import io.fleetdeck.api.certificates.PolicySummary;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListCertificates, ListPolicies and GetPolicy over the real identity service on a real SQLite store. */
class CertificateRegistryTest {

    private static final String TELEMETRY = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "iot:Publish",
                            "Resource": "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*"}]}
            """;

    @TempDir
    Path folder;

    private Database database;
    private IdentityService identities;
    private DeviceEnrollment enrollment;
    private CertificateRegistry registry;

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        identities = IdentityService.open(database, CertificateAuthority.load(folder.resolve("pki"), clock), clock);
        enrollment = new DeviceEnrollment(identities, new Registry(database, clock));
        enrollment.ensureDefaults(folder.resolve("provisioning"));
        registry = new LocalCertificateRegistry(identities);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEnrolledDevicesCertificateIsListedWithItsThingAndStatus() throws Exception {
        String pump = enrollment.enrollDevice("pump-7", Map.of()).certificate().id();
        String valve =
                enrollment.enrollDevice("valve-2", Map.of()).certificate().id();
        identities.updateCertificate(valve, CertificateStatus.INACTIVE);

        List<CertificateSummary> certificates = PageReader.readAll(registry::listCertificates);

        assertThat(certificates)
                .filteredOn(certificate -> !certificate.thingNames().isEmpty())
                .extracting(
                        CertificateSummary::certificateId, CertificateSummary::status, CertificateSummary::thingNames)
                .containsExactlyInAnyOrder(
                        tuple(pump, "ACTIVE", List.of("pump-7")), tuple(valve, "INACTIVE", List.of("valve-2")));
        assertThat(certificates)
                .extracting(CertificateSummary::certificateId)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(certificates)
                .allSatisfy(certificate -> assertThat(certificate.notAfter()).isAfter(certificate.creationDate()));
        assertThat(certificates)
                .filteredOn(CertificateSummary::provisioningClaim)
                .as("the data folder's claim certificate, and no device's")
                .hasSize(1)
                .allSatisfy(claim -> assertThat(claim.thingNames()).isEmpty());
    }

    @Test
    void certificatesComeAPageAtATime() throws Exception {
        for (int i = 0; i < 3; i++) {
            enrollment.enrollDevice("pump-" + i, Map.of());
        }
        int total = identities.certificates().size();

        Page<CertificateSummary> first = registry.listCertificates(PageRequest.first(2));

        assertThat(first.items()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(PageReader.readAll(registry::listCertificates)).hasSize(total);
    }

    @Test
    void policiesAreListedByNameWithTheDefaultsEveryDataFolderHas() throws Exception {
        identities.createPolicy("telemetry", TELEMETRY);

        assertThat(PageReader.readAll(registry::listPolicies))
                .extracting(PolicySummary::policyName)
                .contains(DeviceEnrollment.CLAIM_POLICY, "telemetry")
                .isSorted();
    }

    @Test
    void aPolicyIsGotWithItsDocumentInForceAndAMissingOneIsNotFound() throws Exception {
        identities.createPolicy("telemetry", TELEMETRY);

        PolicyDescription telemetry = registry.getPolicy("telemetry");

        assertThat(telemetry.policyName()).isEqualTo("telemetry");
        assertThat(telemetry.defaultVersionId()).isEqualTo(1);
        assertThat(telemetry.policyDocument()).isEqualTo(TELEMETRY);
        assertThatThrownBy(() -> registry.getPolicy("nosuch"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no policy named nosuch");
    }
}
