package io.fleetdeck.app.gui;

import io.fleetdeck.app.StartupException;
import io.fleetdeck.views.broker.BrokerFeed;
import io.fleetdeck.views.broker.BrokerMonitor;
import io.fleetdeck.views.broker.BrokerView;
import io.fleetdeck.views.broker.BrokerViewModel;
import io.fleetdeck.views.certificates.CertificateDirectory;
import io.fleetdeck.views.certificates.CertificatesFeed;
import io.fleetdeck.views.certificates.CertificatesView;
import io.fleetdeck.views.certificates.CertificatesViewModel;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.ConsoleSettingsStore;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
    private final BrokerFeed brokerFeed;
    private final CertificatesFeed certificatesFeed;

    private ConsoleHost(
            ShellViewModel model, ConsoleWindow window, BrokerFeed brokerFeed, CertificatesFeed certificatesFeed) {
        this.model = model;
        this.window = window;
        this.brokerFeed = brokerFeed;
        this.certificatesFeed = certificatesFeed;
    }

    /**
     * Starts JavaFX and shows the window; {@code onCloseRequest} runs when the user closes it. JavaFX extracts its
     * native libraries to {@code nativeCache} when it cannot load them from the runtime (by default it would use
     * {@code ~/.openjfx}, outside the data folder).
     */
    public static ConsoleHost open(
            Path nativeCache,
            ConsoleInfo info,
            ConsoleSettings settings,
            ConsoleSettingsStore store,
            BrokerMonitor brokerMonitor,
            Runnable onCloseRequest)
            throws StartupException, InterruptedException {
        return open(nativeCache, info, settings, store, brokerMonitor, null, onCloseRequest);
    }

    /** As above, with the Certificates section over {@code certificates} (none when null). */
    public static ConsoleHost open(
            Path nativeCache,
            ConsoleInfo info,
            ConsoleSettings settings,
            ConsoleSettingsStore store,
            BrokerMonitor brokerMonitor,
            CertificateDirectory certificates,
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
                    ShellViewModel model = new ShellViewModel(info, settings, store);
                    BrokerViewModel brokerModel = new BrokerViewModel();
                    BrokerView brokerView = new BrokerView(brokerModel);
                    BrokerFeed feed = new BrokerFeed(brokerMonitor, Platform::runLater, brokerModel::apply);
                    Map<Section, Supplier<Node>> sections = new EnumMap<>(Section.class);
                    sections.put(Section.BROKER, brokerView::node);
                    CertificatesFeed certificatesFeed = null;
                    if (certificates != null) {
                        CertificatesViewModel certificatesModel =
                                new CertificatesViewModel(certificates, Clock.systemDefaultZone(), Platform::runLater);
                        sections.put(Section.CERTIFICATES, () -> new CertificatesView(certificatesModel).node());
                        certificatesFeed =
                                new CertificatesFeed(certificates, Platform::runLater, certificatesModel::apply);
                    }
                    ConsoleWindow window = new ConsoleWindow(new Stage(), model, sections);
                    window.onCloseRequest(onCloseRequest);
                    logFirstFrame(window.stage().getScene());
                    window.show();
                    shown.complete(new ConsoleHost(model, window, feed, certificatesFeed));
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
            return shown.get();
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw new StartupException(
                    "cannot open the console window on DISPLAY=" + System.getenv("DISPLAY") + ": " + reason, cause);
        }
    }

    public void servicesChanged(ServiceState state) {
        Platform.runLater(() -> model.serviceStateChanged(state));
    }

    /** Records where the window was, closes it and stops JavaFX. */
    @Override
    public void close() {
        brokerFeed.close();
        if (certificatesFeed != null) {
            certificatesFeed.close();
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
