package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What can be done to the certificate selected in {@link CertificatesViewModel}: activate, deactivate or revoke it,
 * attach or detach the chosen policy, and issue a certificate for a thing and save its files. Actions run on the
 * background executor and come back on the JavaFX thread with the registry as it is after them, so the window never
 * waits for the registry; each says how it went on the list's message line. Owned by the JavaFX thread.
 */
public final class CertificateActionsModel {

    /* the view model's logger, as before the actions moved out of it: log settings and log lines stay as they were */
    private static final Logger log = LoggerFactory.getLogger(CertificatesViewModel.class);

    private final CertificateService directory;
    private final BundleSaver bundles;
    private final CertificatesViewModel certificates;
    private final ReadOnlyObjectProperty<CertificateRow> selectedCertificate;
    private final ObjectProperty<String> policyChoice;
    private final ActionStatus actionStatus;
    private final Executor background;
    private final Executor fxThread;

    private final BooleanBinding canActivate;
    private final BooleanBinding canDeactivate;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canAttach;
    private final BooleanBinding canDetach;

    /** Actions run on {@code tasks}' background; their outcome comes back on its JavaFX thread. */
    public CertificateActionsModel(
            CertificateService directory, BundleSaver bundles, CertificatesViewModel certificates, ViewTasks tasks) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.bundles = Objects.requireNonNull(bundles, "bundles");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.selectedCertificate = certificates.selectedCertificateProperty();
        this.policyChoice = certificates.policyChoiceProperty();
        this.actionStatus = certificates.actionStatus();
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();

        // none of these wait for a running action (a second one is ignored until it ends): a focused button that
        // turned disabled for a moment would push the focus on to the next field
        canActivate = statusAllows(status -> !status.equals("ACTIVE") && !status.equals("REVOKED"));
        canDeactivate = statusAllows(status -> status.equals("ACTIVE"));
        canRevoke = statusAllows(status -> !status.equals("REVOKED"));
        canAttach = Bindings.createBooleanBinding(() -> attachable(false), selectedCertificate, policyChoice);
        canDetach = Bindings.createBooleanBinding(() -> attachable(true), selectedCertificate, policyChoice);
    }

    public void activate() {
        onSelected(
                row -> Texts.get("certificates.activateFailed", label(row)),
                id -> directory.updateCertificate(id, CertificateStatusChange.ACTIVE),
                row -> Texts.get("certificates.activated", label(row)));
    }

    public void deactivate() {
        onSelected(
                row -> Texts.get("certificates.deactivateFailed", label(row)),
                id -> directory.updateCertificate(id, CertificateStatusChange.INACTIVE),
                row -> Texts.get("certificates.deactivated", label(row)));
    }

    /** Revokes the selected certificate; the view asks for confirmation first. */
    public void revoke() {
        onSelected(
                row -> Texts.get("certificates.revokeFailed", label(row)),
                id -> directory.updateCertificate(id, CertificateStatusChange.REVOKED),
                row -> Texts.get("certificates.revoked", label(row)));
    }

    public void attachChosenPolicy() {
        String policy = policyChoice.get();
        if (policy == null) {
            actionStatus.showError(Texts.get("certificates.choosePolicyToAttach"));
            return;
        }
        onSelected(
                row -> Texts.get("certificates.attachFailed", policy, label(row)),
                id -> directory.attachPolicy(policy, id),
                row -> Texts.get("certificates.attached", policy, label(row)));
    }

    public void detachChosenPolicy() {
        String policy = policyChoice.get();
        if (policy == null) {
            actionStatus.showError(Texts.get("certificates.choosePolicyToDetach"));
            return;
        }
        onSelected(
                row -> Texts.get("certificates.detachFailed", policy, label(row)),
                id -> directory.detachPolicy(policy, id),
                row -> Texts.get("certificates.detached", policy, label(row)));
    }

    /**
     * Issues a certificate for {@code thingName} and writes its files to {@code folder}; the new certificate is
     * selected once it shows in the list.
     */
    public void issueFor(String thingName, Path folder) {
        String name = thingName == null ? "" : thingName.strip();
        if (name.isEmpty()) {
            actionStatus.showError(Texts.get("certificates.enterThing"));
            return;
        }
        perform(Texts.get("certificates.issueFailed", name), () -> {
            IssuedBundle bundle = directory.issueCertificate(name);
            String issued = shortId(bundle.certificateId());
            try {
                List<Path> files = bundles.save(bundle, folder);
                return new Done(
                        Texts.get(
                                "certificates.issued",
                                issued,
                                name,
                                String.join(
                                        ", ",
                                        files.stream()
                                                .map(file -> file.getFileName().toString())
                                                .toList()),
                                folder.toString()),
                        bundle.certificateId());
            } catch (IOException e) {
                throw new CertificateActionException(Texts.get(
                        "certificates.notWritten", issued, folder.toString(), String.valueOf(e.getMessage())));
            }
        });
    }

    public BooleanBinding canActivate() {
        return canActivate;
    }

    public BooleanBinding canDeactivate() {
        return canDeactivate;
    }

    public BooleanBinding canRevoke() {
        return canRevoke;
    }

    public BooleanBinding canAttach() {
        return canAttach;
    }

    public BooleanBinding canDetach() {
        return canDetach;
    }

    /** The short id and, when it has one, the thing: {@code 3f2a9bc81d22 (pump-7)}. */
    static String label(CertificateRow row) {
        return row.things().isEmpty() ? row.shortId() : row.shortId() + " (" + String.join(", ", row.things()) + ")";
    }

    // --- inner workings

    @FunctionalInterface
    private interface CertificateAction {
        void run(String certificateId) throws FleetApiException;
    }

    @FunctionalInterface
    private interface Work {
        /** Does the work on a background thread and says how it went. */
        Done run() throws FleetApiException, CertificateActionException;
    }

    /** How an action went, and the certificate to select once it shows (or null). */
    private record Done(String message, @Nullable String select) {}

    private void onSelected(
            Function<CertificateRow, String> failure,
            CertificateAction action,
            Function<CertificateRow, String> success) {
        CertificateRow row = selectedCertificate.get();
        if (row == null) {
            actionStatus.showError(Texts.get("certificates.selectFirst"));
            return;
        }
        perform(failure.apply(row), () -> {
            action.run(row.id());
            return new Done(success.apply(row), null);
        });
    }

    /** Runs {@code work} off the JavaFX thread, then shows its outcome and the registry as it is now. */
    private void perform(String failure, Work work) {
        if (actionStatus.isBusy()) {
            return;
        }
        actionStatus.setBusy(true);
        background.execute(() -> {
            Done done;
            boolean succeeded;
            try {
                done = work.run();
                succeeded = true;
            } catch (FleetApiException e) {
                done = new Done(Texts.get("certificates.failed", failure, Refusals.text(e)), null);
                succeeded = false;
            } catch (CertificateActionException e) {
                done = new Done(Texts.get("certificates.failed", failure, String.valueOf(e.getMessage())), null);
                succeeded = false;
            } catch (RuntimeException e) {
                log.warn(failure, e);
                done = new Done(Texts.get("certificates.failed", failure, ActionStatus.describe(e)), null);
                succeeded = false;
            }
            CertificatesSnapshot fresh = freshSnapshot();
            Done outcome = done;
            boolean ok = succeeded;
            fxThread.execute(() -> {
                actionStatus.setBusy(false);
                if (outcome.select() != null) {
                    certificates.selectWhenSeen(outcome.select());
                }
                if (fresh != null) {
                    certificates.apply(fresh);
                }
                actionStatus.show(outcome.message(), ok ? MessageKind.SUCCESS : MessageKind.ERROR);
            });
        });
    }

    private @Nullable CertificatesSnapshot freshSnapshot() {
        try {
            return directory.snapshot();
        } catch (FleetApiException | RuntimeException e) {
            log.warn("Could not read the identity registry after an action", e);
            return null;
        }
    }

    private BooleanBinding statusAllows(Predicate<String> allowed) {
        return Bindings.createBooleanBinding(
                () -> {
                    CertificateRow row = selectedCertificate.get();
                    return row != null && allowed.test(row.status());
                },
                selectedCertificate);
    }

    private boolean attachable(boolean attached) {
        CertificateRow row = selectedCertificate.get();
        String policy = policyChoice.get();
        return row != null && policy != null && row.policies().contains(policy) == attached;
    }

    private static String shortId(String id) {
        return id.length() <= CertificateRow.SHORT_ID_LENGTH ? id : id.substring(0, CertificateRow.SHORT_ID_LENGTH);
    }
}
