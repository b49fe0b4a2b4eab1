package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Certificates view in the real console window (Xvfb in CI) over a registry of 10,000 certificates with long
 * thing names and one policy, driven as a user would: select, revoke through the confirmation, read a policy, run the
 * simulator. Writes the screenshots a person checks.
 */
@ExtendWith(ApplicationExtension.class)
class CertificatesViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Clock CLOCK = Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC);

    @TempDir
    static Path downloads;

    private final FakeDirectory directory = FakeDirectory.withDevices(10_000);
    private final AtomicReference<Path> pickedFolder = new AtomicReference<>();
    private ShellViewModel shell;
    private CertificatesViewModel model;
    private PolicySimulationModel simulator;
    private CertificatesFeed feed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        model = new CertificatesViewModel(CLOCK);
        CertificateActionsModel actions =
                new CertificateActionsModel(directory, directory::saveBundle, model, ViewTasks.javaFx());
        simulator = new PolicySimulationModel(directory, model, ViewTasks.javaFx());
        CertificatesView view = new CertificatesView(
                model, actions, simulator, (owner, title) -> Optional.ofNullable(pickedFolder.get()));
        Supplier<Node> certificates = view::node;
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.CERTIFICATES, certificates));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.CERTIFICATES);
        feed = new CertificatesFeed(directory, Platform::runLater, model::apply);
    }

    @AfterEach
    void stopFeed() {
        feed.close();
    }

    @Test
    void tenThousandCertificatesCanBeRevokedInspectedAndSimulated(FxRobot robot) throws Exception {
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 10_000);
        WaitForAsyncUtils.waitForFxEvents();

        // select the third certificate and revoke it through the confirmation
        robot.clickOn(row(robot, 2));
        CertificateRow chosen = table.getItems().get(2);
        assertThat(model.selectedCertificateProperty().get()).isEqualTo(chosen);
        assertThat(robot.lookup("#cert-detail-id").queryAs(Label.class).getText())
                .isEqualTo(chosen.id());
        assertThat(cell(robot, 2, "Status").getText()).isEqualTo("Active");

        robot.clickOn("#cert-revoke");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#revoke-confirmation-id").queryAs(Label.class).getText())
                .isEqualTo(chosen.id());
        assertThat(robot.lookup("#revoke-confirmation-text")
                        .queryAs(Label.class)
                        .getText())
                .contains("cannot be undone");
        robot.clickOn("#confirm-revoke");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> "REVOKED".equals(directory.certificate(chosen.id()).status()));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return cell(robot, 2, "Status").getText().equals("Revoked");
        });
        assertThat(cell(robot, 2, "Status").getStyleClass()).contains("status-revoked");
        assertThat(robot.lookup("#cert-message-text").queryAs(Label.class).getText())
                .contains(chosen.shortId())
                .contains("revoked");
        assertThat(robot.lookup("#cert-revoke").queryButton().isDisabled()).isTrue();
        assertThat(table.getSelectionModel().getSelectedItem().id())
                .as("the selection stays on the certificate while the list refreshes")
                .isEqualTo(chosen.id());

        // a certificate that expired and one that expires within 30 days are coloured
        assertThat(cell(robot, 3, "Expires").getStyleClass()).contains("expiry-danger");
        assertThat(cell(robot, 1, "Expires").getStyleClass()).contains("expiry-warning");
        assertThat(cell(robot, 0, "Expires").getStyleClass()).doesNotContain("expiry-warning", "expiry-danger");

        // the simulator, as the first certificate's thing
        robot.clickOn(row(robot, 0));
        CertificateRow first = table.getItems().getFirst();
        String thing = first.things().getFirst();
        assertThat(robot.lookup("#sim-client-id").queryAs(TextField.class).getText())
                .isEqualTo(thing);
        @SuppressWarnings("unchecked")
        ComboBox<String> action = robot.lookup("#sim-action").queryAs(ComboBox.class);
        robot.interact(() -> action.setValue("Publish"));
        robot.clickOn("#sim-resource").write("dt/" + thing + "/admin");
        robot.clickOn("#sim-run");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.simulationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sim-verdict").queryAs(Label.class).getText()).isEqualTo("DENY");
        assertThat(robot.lookup("#sim-verdict").queryAs(Label.class).getStyleClass())
                .contains("deny");
        assertThat(robot.lookup("#sim-explanation").queryAs(Label.class).getText())
                .isEqualTo("DENY by statement 2 of policy " + FakeDirectory.POLICY);

        robot.interact(
                () -> robot.lookup("#sim-resource").queryAs(TextField.class).setText("dt/" + thing + "/telemetry"));
        robot.clickOn("#sim-run");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.simulationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sim-verdict").queryAs(Label.class).getText()).isEqualTo("ALLOW");
        assertThat(robot.lookup("#sim-verdict").queryAs(Label.class).getStyleClass())
                .contains("allow");

        screenshot(robot, "certificates-dark.png", Theme.DARK);
        screenshot(robot, "certificates-light.png", Theme.LIGHT);
        robot.interact(() -> shell.toggleTheme());

        // the one policy: its document, coloured, and what it reaches
        robot.clickOn(tabHeader(robot, "cert-tab-policies"));
        @SuppressWarnings("unchecked")
        ListView<CertificatesSnapshot.PolicyRow> policies =
                robot.lookup("#policy-list").queryAs(ListView.class);
        robot.clickOn(robot.lookup("#policy-list .list-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(policies.getSelectionModel().getSelectedItem().name()).isEqualTo(FakeDirectory.POLICY);
        TextFlow json = robot.lookup("#policy-json").queryAs(TextFlow.class);
        assertThat(json.getChildren())
                .filteredOn(node -> node.getStyleClass().contains("json-key"))
                .extracting(node -> ((Text) node).getText())
                .contains("\"Version\"", "\"Effect\"", "\"Resource\"");
        assertThat(json.getChildren())
                .filteredOn(node -> node.getStyleClass().contains("json-string"))
                .extracting(node -> ((Text) node).getText())
                .contains("\"Allow\"", "\"Deny\"");
        assertThat(json.getChildren())
                .filteredOn(node -> node.getStyleClass().contains("json-literal"))
                .extracting(node -> ((Text) node).getText())
                .contains("true");
        assertThat(json.getChildren().stream()
                        .map(node -> ((Text) node).getText())
                        .reduce("", String::concat))
                .isEqualTo(FakeDirectory.POLICY_DOCUMENT.strip());
        assertThat(robot.lookup("#policy-reach").queryAs(Label.class).getText())
                .isEqualTo("Attached to 10,000 certificates, reaching 10,000 things");
        screenshot(robot, "certificates-policy.png", Theme.DARK);
    }

    @Test
    void aCertificateIsIssuedForAThingAndItsFilesSaved(FxRobot robot) throws Exception {
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 10_000);
        pickedFolder.set(downloads);

        robot.clickOn("#cert-issue");
        robot.clickOn("#issue-thing-name").write("pump-station-7");
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(node -> node instanceof javafx.scene.control.Button button && button.isDefaultButton())
                .queryButton());

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(downloads.resolve("pump-station-7.cert.pem")));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.selectedCertificateProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(downloads.resolve("pump-station-7.private.key")).exists();
        assertThat(downloads.resolve("root-ca.pem")).exists();
        assertThat(model.selectedCertificateProperty().get().things()).containsExactly("pump-station-7");
        assertThat(robot.lookup("#cert-message-text").queryAs(Label.class).getText())
                .startsWith("Issued certificate ")
                .contains("pump-station-7");
    }

    @Test
    void aFreshDataFolderSaysHowDevicesGetACertificate(FxRobot robot) throws Exception {
        feed.close();
        FakeDirectory fresh = FakeDirectory.freshDataFolder();
        robot.interact(() -> model.apply(new CertificatesSnapshot(
                FakeDirectory.NOW.plus(Duration.ofDays(1)),
                fresh.snapshot().cas(),
                fresh.rows(),
                fresh.snapshot().policies())));

        Node notice = robot.lookup("#cert-no-devices").query();
        assertThat(notice.isVisible()).isTrue();
        TextFlow howTo = robot.lookup("#cert-no-devices-text").queryAs(TextFlow.class);
        assertThat(howTo.getChildren().stream()
                        .map(node -> ((Text) node).getText())
                        .reduce("", String::concat))
                .contains("fleetdeck device add NAME")
                .contains("provisioning/");
        assertThat(robot.lookup("#cert-panel-hint").queryAs(Label.class).isVisible())
                .isTrue();
        screenshot(robot, "certificates-empty.png", Theme.DARK);

        robot.interact(() -> model.apply(CertificatesSnapshot.empty(FakeDirectory.NOW.plus(Duration.ofDays(2)))));
        TableView<?> table = robot.lookup("#cert-table").queryTableView();
        assertThat(table.getPlaceholder().getId()).isEqualTo("cert-empty");
        assertThat(robot.lookup("#cert-empty .empty-state-text")
                        .queryAs(Label.class)
                        .getText())
                .contains("fleetdeck device add NAME");
        assertThat(notice.isVisible()).isFalse();
    }

    @Test
    void uncheckingRevokedHidesTheRevokedCertificates(FxRobot robot) throws Exception {
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 10_000);
        String revoked = table.getItems().get(3).id();
        directory.updateCertificate(revoked, CertificateStatusChange.REVOKED);
        directory.updateCertificate(table.getItems().get(4).id(), CertificateStatusChange.REVOKED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> table.getItems().stream()
                                .filter(row -> row.status().equals("REVOKED"))
                                .count()
                        == 2);
        CheckComboBox<?> statuses = robot.lookup("#cert-status-filter").queryAs(CheckComboBox.class);
        assertThat(statuses.getCheckModel().getCheckedItems()).hasSize(6);
        assertThat(statusFilterText(robot)).isEqualTo("All statuses");

        robot.clickOn(statuses);
        CheckBox revokedBox = robot.lookup(".check-box")
                .match((CheckBox box) -> box.isVisible() && "Revoked".equals(listCellText(box)))
                .query();
        robot.clickOn(revokedBox);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems())
                .hasSize(9_998)
                .noneMatch(row -> row.status().equals("REVOKED"));
        assertThat(model.shownStatuses()).doesNotContain("REVOKED").contains("ACTIVE", "INACTIVE");
        assertThat(statusFilterText(robot)).isEqualTo("All but Revoked");
        assertThat(robot.lookup(".cert-count").queryAs(Label.class).getText()).isEqualTo("9,998 of 10,000");
        screenshot(robot, "certificates-status-filter.png", Theme.DARK);

        // a certificate revoked later is hidden as it changes
        directory.updateCertificate(table.getItems().get(0).id(), CertificateStatusChange.REVOKED);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 9_997);
    }

    /** What the closed filter shows: its button cell, not the cells of its list. */
    static String statusFilterText(FxRobot robot) {
        Node filter = robot.lookup("#cert-status-filter").query();
        return filter.lookupAll(".list-cell").stream()
                .filter(cell -> !cell.getStyleClass().contains("check-box-list-cell"))
                .map(cell -> ((ListCell<?>) cell).getText())
                .findFirst()
                .orElseThrow();
    }

    private static String listCellText(CheckBox box) {
        for (Node node = box; node != null; node = node.getParent()) {
            if (node instanceof ListCell<?> cell) {
                return cell.getText();
            }
        }
        return "";
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#cert-table .table-row-cell")
                .match(node -> ((TableRow<?>) node).getIndex() == index)
                .query();
    }

    private static TableCell<?, ?> cell(FxRobot robot, int index, String column) {
        return robot.from(row(robot, index))
                .lookup(".table-cell")
                .match(node ->
                        ((TableCell<?, ?>) node).getTableColumn().getText().equals(column))
                .query();
    }

    @Test
    void aPolicyThatNamesWhatAwsIotDoesNotKnowSaysWhereAboveItsDocument(FxRobot robot) throws Exception {
        String fly = "line 6, column 50: \"iot:Fly\" is not an AWS IoT action, so it allows or denies nothing";
        String bogus = "line 7, column 42: ${iot:Bogus} is not a policy variable, so it is never filled in and this"
                + " resource matches nothing";
        directory.warn(FakeDirectory.POLICY, List.of(fly, bogus));
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 10_000);

        robot.clickOn(tabHeader(robot, "cert-tab-policies"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> model.policies().getFirst().warnings().size() == 2);
        robot.clickOn(robot.lookup("#policy-list .list-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        VBox warnings = robot.lookup("#policy-warnings").queryAs(VBox.class);
        assertThat(warnings.isVisible()).isTrue();
        assertThat(warnings.getChildren())
                .extracting(node -> ((Label) node).getText())
                .containsExactly("2 parts of this policy allow or deny nothing:", fly, bogus);
        assertThat(robot.lookup("#policy-list .list-cell")
                        .nth(0)
                        .lookup(".cert-muted")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("version 1 \u00b7 2 warnings \u00b7 10,000 certificates");
        screenshot(robot, "certificates-policy-warnings.png", Theme.DARK);
    }

    private static Node tabHeader(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#cert-tabs").queryAs(TabPane.class);
        return tabs.lookupAll(".tab").stream()
                .filter(node -> tabId.equals(node.getId()))
                .findFirst()
                .orElseThrow();
    }

    private void screenshot(FxRobot robot, String name, Theme theme) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), theme);
    }
}
