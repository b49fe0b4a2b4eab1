package io.fleetdeck.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.pki.DeviceCertificateAuthority;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.views.certificates.CertificatesSnapshot.PolicyRow;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Certificates view's policies as the real identity service on a real SQLite store gives them. */
class CertificateDirectoryAdapterTest {

    @TempDir
    Path folder;

    private Database database;
    private IdentityService identities;
    private CertificateDirectoryAdapter directory;

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        identities =
                IdentityService.open(database, DeviceCertificateAuthority.load(folder.resolve("pki"), clock), clock);
        Registry registry = new Registry(database, clock);
        DeviceEnrollment enrollment = new DeviceEnrollment(identities, registry);
        enrollment.ensureDefaults(folder.resolve("provisioning"));
        directory = new CertificateDirectoryAdapter(
                identities, enrollment, folder.resolve("provisioning/root-ca.pem"), clock);
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
}
