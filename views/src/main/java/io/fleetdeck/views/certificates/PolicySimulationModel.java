package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.SimulationResult;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy simulator beside the certificate list: the client id, action and resource to try as the certificate
 * selected in {@link CertificatesViewModel}, and the registry's answer with the statement that decided it. A simulation
 * counts as one of the view's actions: it is ignored while another runs (and holds the others off while it runs), runs
 * on the background executor, comes back on the JavaFX thread and reports a failure on the list's message line. Owned
 * by the JavaFX thread.
 */
public final class PolicySimulationModel {

    /* the view model's logger, as before the simulator moved out of it: log settings and log lines stay as they were */
    private static final Logger log = LoggerFactory.getLogger(CertificatesViewModel.class);

    private final CertificateService directory;
    private final ReadOnlyObjectProperty<CertificateRow> certificate;
    private final ActionStatus actionStatus;
    private final Executor background;
    private final Executor fxThread;

    private final StringProperty simulationClientId = new SimpleStringProperty(this, "simulationClientId", "");
    private final ObjectProperty<String> simulationAction =
            new SimpleObjectProperty<>(this, "simulationAction", CertificateService.SIMULATED_ACTIONS.get(1));
    private final StringProperty simulationResource = new SimpleStringProperty(this, "simulationResource", "");
    private final ReadOnlyObjectWrapper<SimulationResult> simulation = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSimulate;

    /** Simulations run on {@code tasks}' background; their outcome comes back on its JavaFX thread. */
    public PolicySimulationModel(CertificateService directory, CertificatesViewModel certificates, ViewTasks tasks) {
        this.directory = Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(certificates, "certificates");
        this.certificate = certificates.selectedCertificateProperty();
        this.actionStatus = certificates.actionStatus();
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();

        canSimulate = certificate.isNotNull();
        certificate.addListener((obs, old, now) -> {
            if (now == null || old == null || !now.id().equals(old.id())) {
                simulationClientId.set(now == null ? "" : defaultClientId(now));
                simulation.set(null);
            }
        });
        simulationClientId.addListener(obs -> simulation.set(null));
        simulationAction.addListener(obs -> simulation.set(null));
        simulationResource.addListener(obs -> simulation.set(null));
    }

    /** Runs the policy simulator as the selected certificate with the client id, action and resource entered. */
    public void simulate() {
        if (actionStatus.isBusy()) {
            return;
        }
        CertificateRow row = certificate.get();
        if (row == null) {
            actionStatus.showError(Texts.get("certificates.sim.selectFirst"));
            return;
        }
        String clientId = simulationClientId.get().strip();
        String action = simulationAction.get();
        String resource = simulationResource.get().strip();
        if (clientId.isEmpty()) {
            actionStatus.showError(Texts.get("certificates.sim.enterClientId"));
            return;
        }
        if (action == null) {
            actionStatus.showError(Texts.get("certificates.sim.chooseAction"));
            return;
        }
        if (resource.isEmpty()) {
            if (!action.equals("Connect")) {
                actionStatus.showError(missingResource(action));
                return;
            }
            resource = clientId;
        }
        String finalResource = resource;
        actionStatus.setBusy(true);
        background.execute(() -> {
            SimulationResult result = null;
            String failure = null;
            try {
                result = directory.simulate(clientId, row.id(), action, finalResource);
            } catch (FleetApiException e) {
                failure = Texts.get("certificates.sim.failed", Refusals.text(e));
            } catch (RuntimeException e) {
                log.warn("The policy simulator failed", e);
                failure = Texts.get("certificates.sim.failed", ActionStatus.describe(e));
            }
            SimulationResult answer = result;
            String error = failure;
            fxThread.execute(() -> {
                actionStatus.setBusy(false);
                simulation.set(answer);
                if (error != null) {
                    actionStatus.showError(error);
                } else if (actionStatus.messageKindProperty().get() == MessageKind.ERROR) {
                    actionStatus.dismiss();
                }
            });
        });
    }

    /** What the simulator's resource is for {@code action}: a topic, a topic filter or a client id. */
    public static String resourceName(String action) {
        return switch (action == null ? "" : action) {
            case "Connect" -> Texts.get("certificates.sim.resource.clientId");
            case "Subscribe" -> Texts.get("certificates.sim.resource.topicFilter");
            default -> Texts.get("certificates.sim.resource.topic");
        };
    }

    /** Asks for the resource {@code action} needs, in a sentence of its own for each action. */
    private static String missingResource(String action) {
        return switch (action) {
            case "Publish" -> Texts.get("certificates.sim.enter.publish");
            case "Subscribe" -> Texts.get("certificates.sim.enter.subscribe");
            case "Receive" -> Texts.get("certificates.sim.enter.receive");
            default -> Texts.get("certificates.sim.enter.other", action.toLowerCase(Locale.ROOT));
        };
    }

    public StringProperty simulationClientIdProperty() {
        return simulationClientId;
    }

    /** One of {@link CertificateService#SIMULATED_ACTIONS}. */
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

    public BooleanBinding canSimulate() {
        return canSimulate;
    }

    /** The client id a device with this certificate most likely uses: its thing's name. */
    private static String defaultClientId(CertificateRow row) {
        return row.things().isEmpty() ? row.commonName() : row.things().getFirst();
    }
}
