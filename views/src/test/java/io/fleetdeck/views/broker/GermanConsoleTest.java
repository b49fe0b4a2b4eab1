package io.fleetdeck.views.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole console window on a German desktop, with the Broker section open on a busy broker and the shortcuts
 * overlay: the shell's and the section's words in German, counts grouped the German way. Screenshots under
 * target/screenshots/ show whether the longer German words fit.
 */
@ExtendWith(ApplicationExtension.class)
class GermanConsoleTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Locale before = Locale.getDefault();
    private ShellViewModel shell;
    private BrokerViewModel broker;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // before anything is built: every label takes its words as it is made
        Locale.setDefault(Locale.GERMAN);
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/daten", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.LIGHT, null),
                settings -> {});
        broker = new BrokerViewModel();
        Map<Section, Supplier<Node>> built = Map.of(Section.BROKER, () -> new BrokerView(broker).node());
        ConsoleWindow window = new ConsoleWindow(stage, shell, built);
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.BROKER);
        window.show();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void theBrokerSectionAndTheShortcutsSpeakGerman(FxRobot robot) throws Exception {
        robot.interact(() -> {
            for (int sample = 0; sample <= 60; sample++) {
                broker.apply(BrokerViewTest.busy(sample));
            }
        });

        assertThat(stage.getTitle()).isEqualTo("Fleetdeck \u2014 Broker");
        assertThat(robot.lookup("#nav-certificates .sidebar-title")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Zertifikate");
        assertThat(robot.lookup("#nav-fleet .sidebar-shortcut")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Strg+1");
        assertThat(robot.lookup("#nav-certificates")
                        .queryAs(javafx.scene.control.ListCell.class)
                        .getAccessibleText())
                .isEqualTo("Zertifikate, Strg+8");
        assertThat(robot.lookup("#status-services").queryAs(Label.class).getText())
                .isEqualTo("Dienste laufen");
        assertThat(robot.lookup("#status-broker").queryAs(Label.class).getText())
                .isEqualTo("MQTT über TLS auf Port 8883");
        assertThat(robot.lookup("#tile-clients").queryAs(Label.class).getText()).isEqualTo("9.000");
        assertThat(robot.lookup(".tile-caption").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Verbundene Clients", "Nachrichten ein / s");
        TableView<?> clients = robot.lookup("#broker-clients").queryTableView();
        assertThat(clients.getColumns())
                .extracting(column -> column.getText())
                .contains("Adresse", "Verbunden seit", "Wartend", "Verworfen");
        TableCell<?, ?> firstDropped = robot.lookup("#broker-clients .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getIndex() == 0
                        && "Verworfen".equals(cell.getTableColumn().getText()))
                .findFirst()
                .orElseThrow();
        assertThat(robot.lookup("#broker-clients .column-header .label").queryAllAs(Label.class))
                .as("every column header of the client table reads in full")
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header.isTextTruncated())
                        .as(header.getText())
                        .isFalse());
        assertThat(firstDropped.getTooltip().getText())
                .startsWith("1.203 Nachrichten verworfen:")
                .contains("1.200 mit QoS 1: die Warteschlange hielt schon 1.000 Nachrichten (--max-queued-messages)");
        assertThat(robot.lookup("#broker-legend-in").queryAs(Label.class).getText())
                .isEqualTo("Nachrichten ein (von Clients veröffentlicht)");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("broker-de.png"), Theme.LIGHT);

        robot.clickOn("#section-title");
        robot.push(KeyCode.F1);

        assertThat(robot.lookup("#shortcuts-card .title-3").queryAs(Label.class).getText())
                .isEqualTo("Tastenkürzel");
        assertThat(robot.lookup("#shortcuts-card .shortcut-does").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Zu Zertifikate wechseln", "Diese Liste ein- oder ausblenden");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("shortcuts-de.png"), Theme.LIGHT);

        robot.push(KeyCode.ESCAPE);
        robot.interact(() -> {
            shell.navigate(Section.LAB);
            shell.serviceStateChanged(ServiceState.DISK_FULL);
        });

        assertThat(robot.lookup("#empty-lab .empty-state-title")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Hier ist noch nichts");
        assertThat(robot.lookup("#empty-lab .empty-state-footnote")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Dieser Bereich kommt mit dem Hardware-Labor.");
        assertThat(robot.lookup("#status-services").queryAs(Label.class).getText())
                .isEqualTo("Datenträger voll: Änderungen abgelehnt");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("lab-de.png"), Theme.DARK);
    }
}
