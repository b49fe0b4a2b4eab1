package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Certificates section built in German: tabs, column headings, the simulator's verdict and the policy's counts
 * are the German bundle's, and the screenshots {@code certificates-de.png}, {@code certificates-cas-de.png} and
 * {@code certificates-policy-de.png} show whether the longer words fit.
 */
@ExtendWith(ApplicationExtension.class)
class CertificatesGermanTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Locale before = Locale.getDefault();
    private final FakeDirectory directory = FakeDirectory.withDevices(1_200);
    private ShellViewModel shell;
    private PolicySimulationModel simulator;
    private CertificatesFeed feed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.GERMAN);
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        CertificatesViewModel model = new CertificatesViewModel(Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC));
        CertificateActionsModel actions =
                new CertificateActionsModel(directory, directory::saveBundle, model, ViewTasks.javaFx());
        simulator = new PolicySimulationModel(directory, model, ViewTasks.javaFx());
        CertificatesView view = new CertificatesView(model, actions, simulator, (owner, title) -> Optional.empty());
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.CERTIFICATES, view::node));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.CERTIFICATES);
        feed = new CertificatesFeed(directory, Platform::runLater, model::apply);
    }

    @AfterEach
    void restore() {
        feed.close();
        Locale.setDefault(before);
    }

    @Test
    void theCertificatesSectionSpeaksGerman(FxRobot robot) throws Exception {
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 1_200);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup("#cert-table .table-row-cell")
                .match(node -> ((TableRow<?>) node).getIndex() == 2)
                .query());
        String thing = table.getItems().get(2).things().getFirst();
        @SuppressWarnings("unchecked")
        ComboBox<String> action = robot.lookup("#sim-action").queryAs(ComboBox.class);
        robot.interact(() -> action.setValue("Publish"));
        robot.clickOn("#sim-resource").write("dt/" + thing + "/telemetry");
        robot.clickOn("#sim-run");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.simulationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tab(robot, "cert-tab-policies")).isEqualTo("Richtlinien  1");
        assertThat(table.getColumns())
                .extracting(column -> column.getText())
                .containsExactly("Zertifikat-ID", "Objekt", "Status", "Läuft ab", "Zuletzt gesehen", "Richtlinien");
        assertThat(robot.lookup("#cert-issue").queryButton().getText())
                .isEqualTo("Zertifikat für Objekt ausstellen\u2026");
        assertThat(robot.lookup("#cert-revoke").queryButton().getText()).isEqualTo("Widerrufen\u2026");
        assertThat(robot.lookup("#sim-verdict").queryAs(Label.class).getText()).isEqualTo("ERLAUBT");
        assertThat(CertificatesViewTest.statusFilterText(robot)).isEqualTo("Alle Status");
        screenshot(robot, "certificates-de.png");

        robot.clickOn(tabHeader(robot, "cert-tab-cas"));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "certificates-cas-de.png");

        robot.clickOn(tabHeader(robot, "cert-tab-policies"));
        robot.clickOn(robot.lookup("#policy-list .list-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#policy-reach").queryAs(Label.class).getText())
                .isEqualTo("An 1.200 Zertifikate angefügt, erreicht 1.200 Objekte");
        assertThat(robot.lookup("#policy-list .list-cell")
                        .nth(0)
                        .lookup(".cert-muted")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Version 1 \u00b7 1.200 Zertifikate");
        screenshot(robot, "certificates-policy-de.png");
    }

    private static String tab(FxRobot robot, String tabId) {
        return robot.lookup("#cert-tabs").queryAs(TabPane.class).getTabs().stream()
                .filter(tab -> tabId.equals(tab.getId()))
                .findFirst()
                .orElseThrow()
                .getText();
    }

    private static Node tabHeader(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#cert-tabs").queryAs(TabPane.class);
        return tabs.lookupAll(".tab").stream()
                .filter(node -> tabId.equals(node.getId()))
                .findFirst()
                .orElseThrow();
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), Theme.DARK);
    }
}
