package io.fleetdeck.views.certificates;

import io.fleetdeck.views.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.views.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.certificates.CertificatesSnapshot.PolicyRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Certificates view's state: the certificate, CA and policy lists, what is selected, the actions on the selected
 * certificate, the policy simulator and the one-line message that reports how the last action went. Snapshots and
 * action results arrive through {@link #apply}; actions run on the background executor and come back on the JavaFX
 * thread, so the window never waits for the registry. Owned by the JavaFX thread.
 */
public final class CertificatesViewModel {

    private static final Logger log = LoggerFactory.getLogger(CertificatesViewModel.class);

    /** Beyond this many changed rows one replacement is cheaper than row-by-row updates. */
    private static final int ROW_UPDATES_LIMIT = 256;

    /** What the message line says about the last action. */
    public enum MessageKind {
        NONE,
        SUCCESS,
        ERROR
    }

    private final CertificateDirectory directory;
    private final Clock clock;
    private final Executor background;
    private final Executor fxThread;

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
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper certificateCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper deviceCertificateCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<CertificateRow> selectedCertificate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PolicyRow> selectedPolicy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);

    private final ObjectProperty<String> policyChoice = new SimpleObjectProperty<>(this, "policyChoice");
    private final StringProperty simulationClientId = new SimpleStringProperty(this, "simulationClientId", "");
    private final ObjectProperty<String> simulationAction =
            new SimpleObjectProperty<>(this, "simulationAction", CertificateDirectory.SIMULATED_ACTIONS.get(1));
    private final StringProperty simulationResource = new SimpleStringProperty(this, "simulationResource", "");
    private final ReadOnlyObjectWrapper<SimulationResult> simulation = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding canActivate;
    private final BooleanBinding canDeactivate;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canAttach;
    private final BooleanBinding canDetach;
    private final BooleanBinding canSimulate;

    private Map<String, CertificateRow> certificatesById = Map.of();
    private Map<String, PolicyRow> policiesByName = Map.of();
    private CertificatesSnapshot last;
    private boolean applying;
    /** A certificate to select once a snapshot holds it: the one just issued. */
    private String selectWhenSeen;

    /** Actions run on virtual threads; results come back through {@code fxThread}. */
    public CertificatesViewModel(CertificateDirectory directory, Clock clock, Executor fxThread) {
        this(directory, clock, Executors.newVirtualThreadPerTaskExecutor(), fxThread);
    }

    public CertificatesViewModel(CertificateDirectory directory, Clock clock, Executor background, Executor fxThread) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");

        filteredCertificates.predicateProperty().bind(filter.map(CertificatesViewModel::matching));
        // none of these wait for a running action (a second one is ignored until it ends): a focused button that
        // turned disabled for a moment would push the focus on to the next field
        canActivate = statusAllows(status -> !status.equals("ACTIVE") && !status.equals("REVOKED"));
        canDeactivate = statusAllows(status -> status.equals("ACTIVE"));
        canRevoke = statusAllows(status -> !status.equals("REVOKED"));
        canAttach = Bindings.createBooleanBinding(() -> attachable(false), selectedCertificate, policyChoice);
        canDetach = Bindings.createBooleanBinding(() -> attachable(true), selectedCertificate, policyChoice);
        canSimulate = selectedCertificate.isNotNull();

        selectedCertificate.addListener((obs, old, now) -> {
            if (now == null || old == null || !now.id().equals(old.id())) {
                simulationClientId.set(now == null ? "" : defaultClientId(now));
                simulation.set(null);
            }
        });
        simulationClientId.addListener(obs -> simulation.set(null));
        simulationAction.addListener(obs -> simulation.set(null));
        simulationResource.addListener(obs -> simulation.set(null));
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

    // --- actions on the selected certificate

    public void activate() {
        onSelected("activate", directory::activate, row -> "Certificate " + label(row) + " is active.");
    }

    public void deactivate() {
        onSelected("deactivate", directory::deactivate, row -> "Certificate " + label(row) + " is inactive.");
    }

    /** Revokes the selected certificate; the view asks for confirmation first. */
    public void revoke() {
        onSelected(
                "revoke",
                directory::revoke,
                row -> "Certificate " + label(row) + " is revoked; devices using it can no longer connect.");
    }

    public void attachChosenPolicy() {
        String policy = policyChoice.get();
        if (policy == null) {
            showError("Choose a policy to attach.");
            return;
        }
        onSelected(
                "attach " + policy + " to",
                id -> directory.attachPolicy(policy, id),
                row -> "Attached " + policy + " to certificate " + label(row) + ".");
    }

    public void detachChosenPolicy() {
        String policy = policyChoice.get();
        if (policy == null) {
            showError("Choose a policy to detach.");
            return;
        }
        onSelected(
                "detach " + policy + " from",
                id -> directory.detachPolicy(policy, id),
                row -> "Detached " + policy + " from certificate " + label(row) + ".");
    }

    /**
     * Issues a certificate for {@code thingName} and writes its files to {@code folder}; the new certificate is
     * selected once it shows in the list.
     */
    public void issueFor(String thingName, Path folder) {
        String name = thingName == null ? "" : thingName.strip();
        if (name.isEmpty()) {
            showError("Enter the name of the thing to issue a certificate for.");
            return;
        }
        perform("Could not issue a certificate for " + name, () -> {
            IssuedBundle bundle = directory.issueFor(name);
            String issued = shortId(bundle.certificateId());
            try {
                List<Path> files = directory.saveBundle(bundle, folder);
                return new Done(
                        "Issued certificate " + issued + " for " + name + " and wrote "
                                + String.join(
                                        ", ",
                                        files.stream()
                                                .map(file -> file.getFileName().toString())
                                                .toList())
                                + " to " + folder + ".",
                        bundle.certificateId());
            } catch (IOException e) {
                throw new CertificateActionException("issued certificate " + issued
                        + ", but its files could not be written to " + folder + " (" + e.getMessage()
                        + "). Its private key is lost: revoke it and issue another.");
            }
        });
    }

    /** Runs the policy simulator as the selected certificate with the client id, action and resource entered. */
    public void simulate() {
        if (busy.get()) {
            return;
        }
        CertificateRow row = selectedCertificate.get();
        if (row == null) {
            showError("Select a certificate to simulate as.");
            return;
        }
        String clientId = simulationClientId.get().strip();
        String action = simulationAction.get();
        String resource = simulationResource.get().strip();
        if (clientId.isEmpty()) {
            showError("Enter the client id the device connects with.");
            return;
        }
        if (action == null) {
            showError("Choose the action to simulate.");
            return;
        }
        if (resource.isEmpty()) {
            if (!action.equals("Connect")) {
                showError("Enter the " + resourceName(action) + " to " + action.toLowerCase(Locale.ROOT) + ".");
                return;
            }
            resource = clientId;
        }
        String finalResource = resource;
        busy.set(true);
        background.execute(() -> {
            SimulationResult result = null;
            String failure = null;
            try {
                result = directory.simulate(clientId, row.id(), action, finalResource);
            } catch (CertificateActionException e) {
                failure = "Could not simulate: " + e.getMessage();
            } catch (RuntimeException e) {
                log.warn("The policy simulator failed", e);
                failure = "Could not simulate: " + describe(e);
            }
            SimulationResult answer = result;
            String error = failure;
            fxThread.execute(() -> {
                busy.set(false);
                simulation.set(answer);
                if (error != null) {
                    showError(error);
                } else if (messageKind.get() == MessageKind.ERROR) {
                    dismissMessage();
                }
            });
        });
    }

    public void dismissMessage() {
        message.set("");
        messageKind.set(MessageKind.NONE);
    }

    /** What the simulator's resource is for {@code action}: a topic, a topic filter or a client id. */
    public static String resourceName(String action) {
        return switch (action == null ? "" : action) {
            case "Connect" -> "client id";
            case "Subscribe" -> "topic filter";
            default -> "topic";
        };
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
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    /** The policy to attach or detach. */
    public ObjectProperty<String> policyChoiceProperty() {
        return policyChoice;
    }

    public StringProperty simulationClientIdProperty() {
        return simulationClientId;
    }

    /** One of {@link CertificateDirectory#SIMULATED_ACTIONS}. */
    public ObjectProperty<String> simulationActionProperty() {
        return simulationAction;
    }

    public StringProperty simulationResourceProperty() {
        return simulationResource;
    }

    /** The simulator's last answer for the inputs as they are, or null. */
    public ReadOnlyObjectProperty<SimulationResult> simulationProperty() {
        return simulation.getReadOnlyProperty();
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

    public BooleanBinding canSimulate() {
        return canSimulate;
    }

    // --- inner workings

    @FunctionalInterface
    private interface CertificateAction {
        void run(String certificateId) throws CertificateActionException;
    }

    @FunctionalInterface
    private interface Work {
        /** Does the work on a background thread and says how it went. */
        Done run() throws CertificateActionException;
    }

    /** How an action went, and the certificate to select once it shows (or null). */
    private record Done(String message, String select) {}

    private void onSelected(String verb, CertificateAction action, Function<CertificateRow, String> success) {
        CertificateRow row = selectedCertificate.get();
        if (row == null) {
            showError("Select a certificate first.");
            return;
        }
        perform("Could not " + verb + " certificate " + label(row), () -> {
            action.run(row.id());
            return new Done(success.apply(row), null);
        });
    }

    /** Runs {@code work} off the JavaFX thread, then shows its outcome and the registry as it is now. */
    private void perform(String failure, Work work) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            Done done;
            boolean succeeded;
            try {
                done = work.run();
                succeeded = true;
            } catch (CertificateActionException e) {
                done = new Done(failure + ": " + e.getMessage(), null);
                succeeded = false;
            } catch (RuntimeException e) {
                log.warn(failure, e);
                done = new Done(failure + ": " + describe(e), null);
                succeeded = false;
            }
            CertificatesSnapshot fresh = freshSnapshot();
            Done outcome = done;
            boolean ok = succeeded;
            fxThread.execute(() -> {
                busy.set(false);
                if (outcome.select() != null) {
                    selectWhenSeen = outcome.select();
                }
                if (fresh != null) {
                    apply(fresh);
                }
                message.set(outcome.message());
                messageKind.set(ok ? MessageKind.SUCCESS : MessageKind.ERROR);
            });
        });
    }

    private CertificatesSnapshot freshSnapshot() {
        try {
            return directory.snapshot();
        } catch (RuntimeException e) {
            log.warn("Could not read the identity registry after an action", e);
            return null;
        }
    }

    private void showError(String text) {
        message.set(text);
        messageKind.set(MessageKind.ERROR);
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

    /** The client id a device with this certificate most likely uses: its thing's name. */
    private static String defaultClientId(CertificateRow row) {
        return row.things().isEmpty() ? row.commonName() : row.things().getFirst();
    }

    /** The short id and, when it has one, the thing: {@code 3f2a9bc81d22 (pump-7)}. */
    static String label(CertificateRow row) {
        return row.things().isEmpty() ? row.shortId() : row.shortId() + " (" + String.join(", ", row.things()) + ")";
    }

    private static String shortId(String id) {
        return id.length() <= CertificateRow.SHORT_ID_LENGTH ? id : id.substring(0, CertificateRow.SHORT_ID_LENGTH);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? "unexpected " + e.getClass().getSimpleName() : e.getMessage();
    }
}
