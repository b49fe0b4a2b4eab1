package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.error.CertificateStateException;
import io.fleetdeck.views.common.ViewTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The actions on the selected certificate without a screen: they run at once on the calling thread. */
class CertificateActionsModelTest {

    private static final Clock CLOCK = Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final FakeDirectory directory = FakeDirectory.withDevices(100);
    private final CertificatesViewModel model = new CertificatesViewModel(CLOCK);
    private final CertificateActionsModel actions =
            new CertificateActionsModel(directory, directory::saveBundle, model, ViewTasks.callingThread());

    @Test
    void revokingRefreshesTheRowAndSaysSo() {
        model.apply(directory.snapshot());
        CertificateRow chosen = model.certificates().get(5);
        model.selectCertificate(chosen);
        assertThat(actions.canRevoke().get()).isTrue();

        actions.revoke();

        CertificateRow after = model.selectedCertificateProperty().get();
        assertThat(after.id()).isEqualTo(chosen.id());
        assertThat(after.status()).isEqualTo("REVOKED");
        assertThat(model.certificates().get(5).status()).isEqualTo("REVOKED");
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.SUCCESS);
        assertThat(model.messageProperty().get()).contains(chosen.shortId()).contains("revoked");
        assertThat(actions.canRevoke().get()).isFalse();
        assertThat(actions.canActivate().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theRegistrysRefusalShowsAsTheMessage() {
        model.apply(directory.snapshot());
        model.selectCertificate(model.certificates().get(1));
        directory.nextFailure = new CertificateStateException("a revoked certificate cannot become ACTIVE");

        actions.activate();

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

        actions.deactivate();

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
        assertThat(actions.canAttach().get()).isFalse();
        assertThat(actions.canDetach().get()).isTrue();

        actions.detachChosenPolicy();

        assertThat(model.selectedCertificateProperty().get().policies()).isEmpty();
        assertThat(actions.canAttach().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Detached " + FakeDirectory.POLICY);

        actions.attachChosenPolicy();

        assertThat(model.selectedCertificateProperty().get().policies()).containsExactly(FakeDirectory.POLICY);
    }

    @Test
    void issuingWritesTheThreeFilesAndSelectsTheNewCertificate() throws Exception {
        model.apply(directory.snapshot());

        actions.issueFor("pump-7", temp);

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

        actions.issueFor("pump 7", temp);

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get())
                .isEqualTo("Could not issue a certificate for pump 7: a thing name is 1-128 characters of letters,"
                        + " digits and :_-, was \"pump 7\"");
        assertThat(temp).isEmptyDirectory();
    }
}
