package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The Certificates view's state: the certificate, CA and policy lists, what is selected and the one-line message that
 * reports how the last action went. Snapshots arrive through {@link #apply}, from the feed and after each action;
 * {@link CertificateActionsModel} acts on the selected certificate and {@link PolicySimulationModel} tries its
 * policies, and both report on this model's message line. Owned by the JavaFX thread.
 */
public final class CertificatesViewModel {

    /** The states a certificate can be in (AWS-IOT-BEHAVIOUR §5.1), in the order the status filter offers them. */
    public static final List<String> STATUSES =
            List.of("ACTIVE", "INACTIVE", "REVOKED", "PENDING_ACTIVATION", "PENDING_TRANSFER", "REGISTER_INACTIVE");

    /** Beyond this many changed rows one replacement is cheaper than row-by-row updates. */
    private static final int ROW_UPDATES_LIMIT = 256;

    private final Clock clock;

    private final ObservableList<CertificateRow> certificates = FXCollections.observableArrayList();
    private final FilteredList<CertificateRow> filteredCertificates = new FilteredList<>(certificates);
    private final ObservableList<CertificateRow> shownCertificates =
            FXCollections.unmodifiableObservableList(filteredCertificates);
    private final ObservableList<CaRow> cas = FXCollections.observableArrayList();
    private final ObservableList<CaRow> casView = FXCollections.unmodifiableObservableList(cas);
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    private final ObservableList<PolicyRow> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ObservableList<String> policyNames = FXCollections.observableArrayList();
    private final ObservableList<String> policyNamesView = FXCollections.unmodifiableObservableList(policyNames);
    private final ObservableList<CertificateRow> policyReach = FXCollections.observableArrayList();
    private final ObservableList<CertificateRow> policyReachView =
            FXCollections.unmodifiableObservableList(policyReach);

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableSet<String> shownStatuses = FXCollections.observableSet(new LinkedHashSet<>(STATUSES));
    private final ObservableSet<String> shownStatusesView = FXCollections.unmodifiableObservableSet(shownStatuses);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper certificateCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper deviceCertificateCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<CertificateRow> selectedCertificate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PolicyRow> selectedPolicy = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> policyChoice = new SimpleObjectProperty<>(this, "policyChoice");
    private final ActionStatus actionStatus = new ActionStatus();

    private Map<String, CertificateRow> certificatesById = Map.of();
    private Map<String, PolicyRow> policiesByName = Map.of();
    private @Nullable CertificatesSnapshot last;
    private boolean applying;
    /** A certificate to select once a snapshot holds it: the one just issued. */
    private @Nullable String selectWhenSeen;

    public CertificatesViewModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        filteredCertificates
                .predicateProperty()
                .bind(Bindings.createObjectBinding(
                        () -> matching(filter.get())
                                .and(row -> shownStatuses.contains(row.status()) || !STATUSES.contains(row.status())),
                        filter,
                        shownStatuses));
    }

    /** Takes a snapshot of the registry; one older than the last applied (a slow sample) is dropped. */
    public void apply(CertificatesSnapshot snapshot) {
        if (last != null && snapshot.takenAt().isBefore(last.takenAt())) {
            return;
        }
        last = snapshot;
        Map<String, CertificateRow> byId = new HashMap<>(snapshot.certificates().size() * 2);
        int devices = 0;
        for (CertificateRow row : snapshot.certificates()) {
            byId.put(row.id(), row);
            if (!row.provisioningClaim()) {
                devices++;
            }
        }
        Map<String, PolicyRow> byName = new HashMap<>();
        snapshot.policies().forEach(policy -> byName.put(policy.name(), policy));
        certificatesById = byId;
        policiesByName = byName;

        applying = true;
        try {
            update(certificates, snapshot.certificates(), CertificateRow::id);
            update(cas, snapshot.cas(), CaRow::id);
            update(policies, snapshot.policies(), PolicyRow::name);
            update(
                    policyNames,
                    snapshot.policies().stream().map(PolicyRow::name).toList(),
                    Function.identity());
        } finally {
            applying = false;
        }
        certificateCount.set(snapshot.certificates().size());
        deviceCertificateCount.set(devices);
        loaded.set(true);

        String wanted = selectWhenSeen != null && byId.containsKey(selectWhenSeen)
                ? selectWhenSeen
                : selectedCertificate.get() == null
                        ? null
                        : selectedCertificate.get().id();
        if (wanted != null && wanted.equals(selectWhenSeen)) {
            selectWhenSeen = null;
        }
        selectedCertificate.set(wanted == null ? null : byId.get(wanted));
        PolicyRow policy = selectedPolicy.get();
        selectedPolicy.set(policy == null ? null : byName.get(policy.name()));
        if (policyChoice.get() != null && !byName.containsKey(policyChoice.get())) {
            policyChoice.set(null);
        }
        updatePolicyReach();
        revision.set(revision.get() + 1);
    }

    // --- selection

    /** The table's selection; ignored while a snapshot replaces the rows, which briefly clears it. */
    public void selectCertificate(CertificateRow row) {
        if (applying) {
            return;
        }
        selectedCertificate.set(row == null ? null : certificatesById.getOrDefault(row.id(), row));
    }

    public void selectPolicy(PolicyRow row) {
        if (applying) {
            return;
        }
        selectedPolicy.set(row == null ? null : policiesByName.getOrDefault(row.name(), row));
        updatePolicyReach();
    }

    /** Selects {@code certificateId} once a snapshot holds it: a certificate an action just issued. */
    void selectWhenSeen(String certificateId) {
        selectWhenSeen = certificateId;
    }

    /**
     * Narrows the list to certificates in these states; the choice stays while the section is open. A state the
     * registry reports that the filter does not know is always shown, so no certificate can hide for good.
     */
    public void showStatuses(Collection<String> statuses) {
        Set<String> wanted = new LinkedHashSet<>(statuses);
        wanted.retainAll(STATUSES);
        if (!wanted.equals(shownStatuses)) {
            shownStatuses.retainAll(wanted);
            shownStatuses.addAll(wanted);
        }
    }

    public void dismissMessage() {
        actionStatus.dismiss();
    }

    // --- presentation

    public Expiry expiryOf(Instant notAfter) {
        return Expiry.of(notAfter, clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    // --- properties

    /** The certificates that pass the filter, in the registry's order. */
    public ObservableList<CertificateRow> certificates() {
        return shownCertificates;
    }

    public ObservableList<CaRow> cas() {
        return casView;
    }

    public ObservableList<PolicyRow> policies() {
        return policiesView;
    }

    public ObservableList<String> policyNames() {
        return policyNamesView;
    }

    /** The certificates the selected policy is attached to. */
    public ObservableList<CertificateRow> policyReach() {
        return policyReachView;
    }

    /** Text the certificate list is narrowed to: part of an id, thing, common name, status or policy. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The states the list shows, of {@link #STATUSES}; all of them until the user unchecks one. */
    public ObservableSet<String> shownStatuses() {
        return shownStatusesView;
    }

    /** Whether a snapshot has arrived, so the view can tell "none yet" from "not read yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty certificateCountProperty() {
        return certificateCount.getReadOnlyProperty();
    }

    /** Certificates that belong to devices, not the shared provisioning claim certificates. */
    public ReadOnlyIntegerProperty deviceCertificateCountProperty() {
        return deviceCertificateCount.getReadOnlyProperty();
    }

    /** Moves on after each applied snapshot, once the lists and selections are all up to date. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CertificateRow> selectedCertificateProperty() {
        return selectedCertificate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PolicyRow> selectedPolicyProperty() {
        return selectedPolicy.getReadOnlyProperty();
    }

    /** True while an action runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return actionStatus.busyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return actionStatus.messageProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return actionStatus.messageKindProperty();
    }

    /** The policy to attach or detach. */
    public ObjectProperty<String> policyChoiceProperty() {
        return policyChoice;
    }

    /** The busy flag and the message line, shared with the models that act on the selected certificate. */
    ActionStatus actionStatus() {
        return actionStatus;
    }

    // --- inner workings

    private void updatePolicyReach() {
        PolicyRow policy = selectedPolicy.get();
        List<CertificateRow> reached = new ArrayList<>();
        if (policy != null) {
            for (String id : policy.certificateIds()) {
                CertificateRow row = certificatesById.get(id);
                if (row != null) {
                    reached.add(row);
                }
            }
        }
        update(policyReach, reached, CertificateRow::id);
    }

    /**
     * Brings {@code target} to {@code rows} with as little change as it takes: nothing when equal, row by row when
     * the same keys are in the same places (selection and scroll stay put), else one replacement.
     */
    private static <T> void update(ObservableList<T> target, List<T> rows, Function<T, String> key) {
        if (target.equals(rows)) {
            return;
        }
        if (target.size() == rows.size()) {
            List<Integer> changed = new ArrayList<>();
            boolean sameKeys = true;
            for (int i = 0; i < rows.size() && sameKeys; i++) {
                T now = rows.get(i);
                T before = target.get(i);
                sameKeys = key.apply(now).equals(key.apply(before));
                if (!now.equals(before)) {
                    changed.add(i);
                }
            }
            if (sameKeys && changed.size() <= ROW_UPDATES_LIMIT) {
                changed.forEach(i -> target.set(i, rows.get(i)));
                return;
            }
        }
        target.setAll(rows);
    }

    private static Predicate<CertificateRow> matching(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return row -> true;
        }
        return row -> row.id().startsWith(wanted)
                || contains(row.commonName(), wanted)
                || contains(row.status(), wanted)
                || row.things().stream().anyMatch(thing -> contains(thing, wanted))
                || row.policies().stream().anyMatch(policy -> contains(policy, wanted));
    }

    private static boolean contains(String text, String lowerCaseNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }
}
