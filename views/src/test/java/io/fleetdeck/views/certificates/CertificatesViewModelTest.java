package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.views.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.certificates.CertificatesSnapshot.PolicyRow;
import io.fleetdeck.views.certificates.CertificatesViewModel.MessageKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Certificates view's state without a screen: actions run at once on the calling thread. */
class CertificatesViewModelTest {

    private static final Clock CLOCK = Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final FakeDirectory directory = FakeDirectory.withDevices(100);
    private final CertificatesViewModel model =
            new CertificatesViewModel(directory, CLOCK, Runnable::run, Runnable::run);

    @Test
    void aSnapshotFillsTheListsAndCounts() {
        assertThat(model.loadedProperty().get()).isFalse();

        model.apply(directory.snapshot());

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.certificates()).hasSize(100);
        assertThat(model.certificateCountProperty().get()).isEqualTo(100);
        assertThat(model.deviceCertificateCountProperty().get()).isEqualTo(100);
        assertThat(model.cas())
                .singleElement()
                .satisfies(ca -> assertThat(ca.active()).isTrue());
        assertThat(model.policyNames()).containsExactly(FakeDirectory.POLICY);
        assertThat(model.certificates().getFirst().shortId()).hasSize(12);
    }

    @Test
    void theSharedClaimCertificateIsNotADeviceCertificate() {
        FakeDirectory fresh = FakeDirectory.freshDataFolder();
        CertificatesViewModel freshModel = new CertificatesViewModel(fresh, CLOCK, Runnable::run, Runnable::run);

        freshModel.apply(fresh.snapshot());

        assertThat(freshModel.certificateCountProperty().get()).isEqualTo(1);
        assertThat(freshModel.deviceCertificateCountProperty().get()).isZero();
    }

    @Test
    void expiryIsAWarningWithinThirtyDaysAndDangerOncePast() {
        Instant now = CLOCK.instant();

        assertThat(model.expiryOf(now.plus(Duration.ofDays(90))).styleClass()).isEmpty();
        assertThat(model.expiryOf(now.plus(Duration.ofDays(31))).styleClass()).isEmpty();
        assertThat(model.expiryOf(now.plus(Duration.ofDays(29))).styleClass()).isEqualTo("expiry-warning");
        assertThat(model.expiryOf(now.plusSeconds(1))).isEqualTo(Expiry.SOON);
        assertThat(model.expiryOf(now)).isEqualTo(Expiry.EXPIRED);
        assertThat(model.expiryOf(now.minus(Duration.ofDays(2))).styleClass()).isEqualTo("expiry-danger");
    }

    @Test
    void revokingRefreshesTheRowAndSaysSo() {
        model.apply(directory.snapshot());
        CertificateRow chosen = model.certificates().get(5);
        model.selectCertificate(chosen);
        assertThat(model.canRevoke().get()).isTrue();

        model.revoke();

        CertificateRow after = model.selectedCertificateProperty().get();
        assertThat(after.id()).isEqualTo(chosen.id());
        assertThat(after.status()).isEqualTo("REVOKED");
        assertThat(model.certificates().get(5).status()).isEqualTo("REVOKED");
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.SUCCESS);
        assertThat(model.messageProperty().get()).contains(chosen.shortId()).contains("revoked");
        assertThat(model.canRevoke().get()).isFalse();
        assertThat(model.canActivate().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theRegistrysRefusalShowsAsTheMessage() {
        model.apply(directory.snapshot());
        model.selectCertificate(model.certificates().get(1));
        directory.nextFailure = new CertificateActionException("a revoked certificate cannot become ACTIVE");

        model.activate();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get())
                .startsWith("Could not activate certificate "
                        + model.certificates().get(1).shortId())
                .endsWith(": a revoked certificate cannot become ACTIVE");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anUnexpectedFailureIsAMessageNotAStackTrace() {
        model.apply(directory.snapshot());
        model.selectCertificate(model.certificates().getFirst());
        directory.nextCrash = new IllegalStateException("the store is closed");

        model.deactivate();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get())
                .endsWith(": the store is closed")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        model.dismissMessage();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.NONE);
    }

    @Test
    void policiesAreAttachedAndDetachedByChoice() {
        model.apply(directory.snapshot());
        model.selectCertificate(model.certificates().get(3));
        model.policyChoiceProperty().set(FakeDirectory.POLICY);
        assertThat(model.canAttach().get()).isFalse();
        assertThat(model.canDetach().get()).isTrue();

        model.detachChosenPolicy();

        assertThat(model.selectedCertificateProperty().get().policies()).isEmpty();
        assertThat(model.canAttach().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Detached " + FakeDirectory.POLICY);

        model.attachChosenPolicy();

        assertThat(model.selectedCertificateProperty().get().policies()).containsExactly(FakeDirectory.POLICY);
    }

    @Test
    void theSelectionSurvivesRefreshesAndTheTablesBriefClear() {
        model.apply(directory.snapshot());
        CertificateRow chosen = model.certificates().get(42);
        model.selectCertificate(chosen);
        CertificatesSnapshot older = directory.snapshot();
        directory.put(new CertificateRow(
                chosen.id(),
                chosen.commonName(),
                "INACTIVE",
                chosen.things(),
                chosen.notAfter(),
                FakeDirectory.NOW,
                chosen.policies(),
                false));
        model.apply(directory.snapshot());

        assertThat(model.selectedCertificateProperty().get().status()).isEqualTo("INACTIVE");

        model.apply(older);

        assertThat(model.selectedCertificateProperty().get().status())
                .as("a sample taken before the last applied one is dropped")
                .isEqualTo("INACTIVE");
    }

    @Test
    void theFilterMatchesIdsThingsAndStatus() {
        model.apply(directory.snapshot());
        CertificateRow some = model.certificates().get(17);

        model.filterProperty().set(some.shortId());
        assertThat(model.certificates()).containsExactly(some);

        model.filterProperty().set("INACTIVE");
        assertThat(model.certificates())
                .as("the two inactive certificates, of things 7 and 57, and no other")
                .extracting(CertificateRow::commonName, CertificateRow::status)
                .containsExactlyInAnyOrder(
                        tuple(FakeDirectory.thingName(7), "INACTIVE"), tuple(FakeDirectory.thingName(57), "INACTIVE"));

        model.filterProperty().set("unit-0004");
        assertThat(model.certificates()).hasSize(10);

        model.filterProperty().set("");
        assertThat(model.certificates()).hasSize(100);
    }

    @Test
    void theSimulatorActsAsTheSelectedCertificatesThing() {
        model.apply(directory.snapshot());
        CertificateRow chosen = model.certificates().get(2);
        model.selectCertificate(chosen);
        String thing = chosen.things().getFirst();
        assertThat(model.simulationClientIdProperty().get()).isEqualTo(thing);

        model.simulationActionProperty().set("Publish");
        model.simulationResourceProperty().set("dt/" + thing + "/admin");
        model.simulate();
        assertThat(model.simulationProperty().get())
                .isEqualTo(new SimulationResult(false, "DENY by statement 2 of policy " + FakeDirectory.POLICY));

        model.simulationResourceProperty().set("dt/" + thing + "/telemetry");
        assertThat(model.simulationProperty().get())
                .as("a changed input clears the old answer")
                .isNull();
        model.simulate();
        assertThat(model.simulationProperty().get().allowed()).isTrue();

        model.simulationActionProperty().set("Connect");
        model.simulationResourceProperty().set("");
        model.simulate();
        assertThat(model.simulationProperty().get().explanation())
                .as("Connect with no resource connects as the client id")
                .isEqualTo("ALLOW by statement 0 of policy " + FakeDirectory.POLICY);

        model.simulationActionProperty().set("Subscribe");
        model.simulate();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("Enter the topic filter to subscribe.");
    }

    @Test
    void issuingWritesTheThreeFilesAndSelectsTheNewCertificate() throws Exception {
        model.apply(directory.snapshot());

        model.issueFor("pump-7", temp);

        assertThat(temp.resolve("pump-7.cert.pem")).content().contains("BEGIN CERTIFICATE");
        assertThat(temp.resolve("pump-7.private.key")).content().contains("BEGIN PRIVATE KEY");
        assertThat(temp.resolve("root-ca.pem")).content().contains("ROOT");
        assertThat(model.selectedCertificateProperty().get().things()).containsExactly("pump-7");
        assertThat(model.certificates()).hasSize(101);
        assertThat(model.messageProperty().get())
                .contains("pump-7.cert.pem, pump-7.private.key, root-ca.pem")
                .contains(temp.toString());
    }

    @Test
    void aRefusedThingNameIsExplained() {
        model.apply(directory.snapshot());

        model.issueFor("pump 7", temp);

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get())
                .isEqualTo("Could not issue a certificate for pump 7: a thing name is 1-128 characters of letters,"
                        + " digits and :_-, was \"pump 7\"");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void theSelectedPolicyListsTheCertificatesItReaches() {
        model.apply(directory.snapshot());

        model.selectPolicy(model.policies().getFirst());

        assertThat(model.selectedPolicyProperty().get().document()).contains("iot:Connect");
        assertThat(model.policyReach()).hasSize(100);
        assertThat(PolicyPane.reachText(model.selectedPolicyProperty().get()))
                .isEqualTo("Attached to 100 certificates, reaching 100 things");
    }

    @Test
    void theSelectedPolicyCarriesTheWarningsOfItsDocument() {
        String fly = "line 6, column 50: \"iot:Fly\" is not an AWS IoT action, so it allows or denies nothing";
        directory.warn(FakeDirectory.POLICY, List.of(fly));
        model.apply(directory.snapshot());

        model.selectPolicy(model.policies().getFirst());

        PolicyRow selected = model.selectedPolicyProperty().get();
        assertThat(selected.warnings()).containsExactly(fly);
        assertThat(PolicyPane.warningsHeading(selected)).isEqualTo("1 part of this policy allows or denies nothing:");
    }

    @Test
    void aRefreshWithAFewChangesUpdatesRowsInPlace() {
        model.apply(directory.snapshot());
        List<String> changes = new ArrayList<>();
        model.certificates().addListener((javafx.collections.ListChangeListener<CertificateRow>) change -> {
            while (change.next()) {
                changes.add(change.wasReplaced() ? "replaced " + change.getAddedSize() : "other");
            }
        });
        CertificateRow row = model.certificates().get(9);
        directory.put(new CertificateRow(
                row.id(), row.commonName(), "INACTIVE", row.things(), row.notAfter(), null, row.policies(), false));

        model.apply(directory.snapshot());
        model.apply(directory.snapshot());

        assertThat(changes).containsExactly("replaced 1");
    }
}
