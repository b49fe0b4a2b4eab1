package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Certificates view's lists, counts, filter and selections without a screen. */
class CertificatesViewModelTest {

    private static final Clock CLOCK = Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC);

    private final FakeDirectory directory = FakeDirectory.withDevices(100);
    private final CertificatesViewModel model = new CertificatesViewModel(CLOCK);

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
    void theStatusFilterNarrowsTheListWithTheTextFilterAndKeepsItsChoiceAcrossSnapshots() throws Exception {
        model.apply(directory.snapshot());
        assertThat(model.shownStatuses()).containsExactlyElementsOf(CertificatesViewModel.STATUSES);
        int inactive = (int) model.certificates().stream()
                .filter(row -> row.status().equals("INACTIVE"))
                .count();

        model.showStatuses(List.of("INACTIVE"));
        assertThat(model.certificates())
                .hasSize(inactive)
                .allMatch(row -> row.status().equals("INACTIVE"));

        // a certificate moved to a hidden state leaves the list at the next snapshot; the choice stays
        directory.updateCertificate(model.certificates().getFirst().id(), CertificateStatusChange.REVOKED);
        model.apply(directory.snapshot());
        assertThat(model.certificates()).hasSize(inactive - 1);
        assertThat(model.shownStatuses()).containsExactly("INACTIVE");

        model.filterProperty().set("no such certificate");
        assertThat(model.certificates()).isEmpty();
        model.filterProperty().set("");
        model.showStatuses(CertificatesViewModel.STATUSES);
        assertThat(model.certificates()).hasSize(100);
    }

    @Test
    void theSharedClaimCertificateIsNotADeviceCertificate() {
        FakeDirectory fresh = FakeDirectory.freshDataFolder();
        CertificatesViewModel freshModel = new CertificatesViewModel(CLOCK);

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
