package io.fleetdeck.app.gui;

import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.views.broker.BrokerFeed;
import io.fleetdeck.views.broker.BrokerView;
import io.fleetdeck.views.broker.BrokerViewModel;
import io.fleetdeck.views.certificates.CertificateActionsModel;
import io.fleetdeck.views.certificates.CertificatesFeed;
import io.fleetdeck.views.certificates.CertificatesView;
import io.fleetdeck.views.certificates.CertificatesViewModel;
import io.fleetdeck.views.certificates.PolicySimulationModel;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.fleet.FleetWorkspace;
import io.fleetdeck.views.fleet.QueryBarModel;
import io.fleetdeck.views.groups.GroupsFeed;
import io.fleetdeck.views.groups.GroupsSection;
import io.fleetdeck.views.groups.GroupsView;
import io.fleetdeck.views.groups.GroupsViewModel;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.ConsoleSettingsStore;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import io.fleetdeck.views.shell.UncaughtErrors;
import io.fleetdeck.views.thingtypes.ThingTypesFeed;
import io.fleetdeck.views.thingtypes.ThingTypesView;
import io.fleetdeck.views.thingtypes.ThingTypesViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the JavaFX toolkit and the console window for the life of a {@code gui} command. The command's thread owns
 * this object; everything it does to the window is handed to the JavaFX thread.
 */
public final class ConsoleHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleHost.class);
    private static final String JAVAFX_CACHE_DIR = "javafx.cachedir";

    private final ShellViewModel model;
    private final ConsoleWindow window;
    private final List<AutoCloseable> feeds;

    private ConsoleHost(ShellViewModel model, ConsoleWindow window, List<AutoCloseable> feeds) {
        this.model = model;
        this.window = window;
        this.feeds = feeds;
    }

    /**
     * Starts JavaFX and shows the window with a section for each of {@code sources}; {@code onCloseRequest} runs when
     * the user closes it. JavaFX extracts its native libraries to {@code nativeCache} when it cannot load them from the
     * runtime (by default it would use {@code ~/.openjfx}, outside the data folder).
     */
    public static ConsoleHost open(
            Path nativeCache,
            ConsoleInfo info,
            ConsoleSettings settings,
            ConsoleSettingsStore store,
            ConsoleSources sources,
            Runnable onCloseRequest)
            throws StartupException, InterruptedException {
        if (System.getProperty(JAVAFX_CACHE_DIR) == null) {
            System.setProperty(JAVAFX_CACHE_DIR, nativeCache.toString());
        }
        CompletableFuture<ConsoleHost> shown = new CompletableFuture<>();
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> {
                try {
                    // one copy of the settings for the shell and the Fleet view's queries, so neither undoes the other
                    ConsoleMemory memory = new ConsoleMemory(settings, store);
                    ShellViewModel model = new ShellViewModel(info, memory);
                    Map<Section, Supplier<Node>> sections = new EnumMap<>(Section.class);
                    List<AutoCloseable> feeds = new ArrayList<>();
                    addSections(sources, memory, sections, feeds);
                    ConsoleWindow window = new ConsoleWindow(new Stage(), model, sections);
                    window.onCloseRequest(onCloseRequest);
                    UncaughtErrors.install(
                            info.version(),
                            Path.of(info.dataFolder(), "logs", "fleetdeck.log").toString(),
                            window.stage(),
                            onCloseRequest);
                    logFirstFrame(window.stage().getScene());
                    window.show();
                    shown.complete(new ConsoleHost(model, window, feeds));
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
            return shown.get();
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw new StartupException(
                    "cannot open the console window on DISPLAY=" + System.getenv("DISPLAY") + ": " + reason, cause);
        }
    }

    /** Each section's view over its source, and the feeds that keep it current (closed with the window). */
    private static void addSections(
            ConsoleSources sources,
            ConsoleMemory memory,
            Map<Section, Supplier<Node>> sections,
            List<AutoCloseable> feeds) {
        ViewTasks tasks = ViewTasks.javaFx();
        BrokerViewModel brokerModel = new BrokerViewModel();
        BrokerView brokerView = new BrokerView(brokerModel);
        feeds.add(new BrokerFeed(sources.broker(), Platform::runLater, brokerModel::apply));
        sections.put(Section.BROKER, brokerView::node);
        if (sources.certificates() != null) {
            CertificatesViewModel certificatesModel = new CertificatesViewModel(Clock.systemDefaultZone());
            CertificateActionsModel certificateActions =
                    new CertificateActionsModel(sources.certificates(), sources.bundles(), certificatesModel, tasks);
            PolicySimulationModel policySimulation =
                    new PolicySimulationModel(sources.certificates(), certificatesModel, tasks);
            sections.put(
                    Section.CERTIFICATES,
                    () -> new CertificatesView(certificatesModel, certificateActions, policySimulation).node());
            feeds.add(new CertificatesFeed(sources.certificates(), Platform::runLater, certificatesModel::apply));
        }
        FleetWorkspace[] fleet = new FleetWorkspace[1];
        if (sources.fleet() != null && sources.things() != null) {
            // built on first view: reading 100k things is work the start-up should not wait for
            sections.put(Section.FLEET, () -> {
                if (fleet[0] == null) {
                    fleet[0] = new FleetWorkspace(
                            sources.fleet(),
                            sources.events(),
                            sources.search(),
                            memory,
                            sources.things(),
                            sources.shadows(),
                            Clock.systemDefaultZone(),
                            tasks);
                    feeds.add(fleet[0]);
                }
                return fleet[0].node();
            });
        }
        if (sources.groups() != null) {
            GroupsViewModel groupsModel = new GroupsViewModel(sources.groups(), sources.certificates(), tasks);
            ThingTypesViewModel typesModel = new ThingTypesViewModel(sources.thingTypes(), tasks);
            sections.put(Section.GROUPS, () -> {
                GroupsView groups = new GroupsView(groupsModel);
                // a dynamic group starts from the query in the Fleet view's bar
                groups.startDynamicGroupsFrom(() -> {
                    QueryBarModel bar = fleet[0] == null ? null : fleet[0].queryBar();
                    return bar == null ? "" : bar.textProperty().get();
                });
                return GroupsSection.of(groups.node(), new ThingTypesView(typesModel).node());
            });
            feeds.add(new GroupsFeed(sources.groups(), sources.events(), Platform::runLater, groupsModel::apply));
            feeds.add(new ThingTypesFeed(sources.events(), typesModel));
        }
    }

    public void servicesChanged(ServiceState state) {
        Platform.runLater(() -> model.serviceStateChanged(state));
    }

    /** Records where the window was, closes it and stops JavaFX. */
    @Override
    public void close() {
        for (AutoCloseable feed : feeds) {
            try {
                feed.close();
            } catch (Exception e) {
                log.warn("A view's feed did not stop cleanly", e);
            }
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            model.serviceStateChanged(ServiceState.STOPPING);
            window.close();
            closed.complete(null);
        });
        try {
            closed.get();
        } catch (ExecutionException e) {
            log.warn("Closing the console window failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }

    /** Logs the first frame the window draws; the start-up benchmark measures up to this line. */
    private static void logFirstFrame(Scene scene) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                log.info(
                        "Console window shown, first frame {} ms after process start",
                        Duration.between(started, Instant.now()).toMillis());
            }
        };
        scene.addPostLayoutPulseListener(once);
    }
}
