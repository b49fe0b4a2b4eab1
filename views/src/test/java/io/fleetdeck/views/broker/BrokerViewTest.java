package io.fleetdeck.views.broker;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.fleetdeck.api.broker.BrokerSnapshot;
import io.fleetdeck.api.broker.BrokerSnapshot.ClientRow;
import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import io.fleetdeck.api.broker.BrokerSnapshot.TopicRow;
import io.fleetdeck.views.shell.Screenshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Broker view in a real window with a busy broker's figures: 10,000 clients and 2,000 topics. */
@ExtendWith(ApplicationExtension.class)
class BrokerViewTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private BrokerViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new BrokerViewModel();
        Scene scene = new Scene(new javafx.scene.layout.StackPane(new BrokerView(model).node()), 1280, 800);
        scene.getStylesheets()
                .add(Objects.requireNonNull(getClass().getResource("/io/fleetdeck/views/console.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aBusyBrokerShowsItsClientsTopicsAndRates(FxRobot robot) throws Exception {
        robot.interact(() -> {
            for (int sample = 0; sample <= 60; sample++) {
                model.apply(busy(sample));
            }
        });

        assertThat(robot.lookup("#tile-clients").queryAs(Label.class).getText()).isEqualTo("9,000");
        assertThat(robot.lookup("#tile-in").queryAs(Label.class).getText()).isEqualTo("5,000");
        assertThat(robot.lookup("#broker-clients").queryTableView().getItems()).hasSize(10_000);
        TableCell<?, ?> firstDropped = robot.lookup("#broker-clients .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getIndex() == 0
                        && "Dropped".equals(cell.getTableColumn().getText()))
                .findFirst()
                .orElseThrow();
        assertThat(firstDropped.getText()).isEqualTo("1,203");
        assertThat(firstDropped.getTooltip().getText())
                .contains("1,200 QoS 1: its queue held 1,000 messages already (--max-queued-messages)")
                .contains("3 QoS 0: its connection could not take them fast enough");

        @SuppressWarnings("unchecked")
        TreeView<TopicTree.TopicNode> topics = robot.lookup("#broker-topics").queryAs(TreeView.class);
        assertThat(topics.getRoot().getChildren()).hasSize(1);
        robot.interact(() -> {
            var item = topics.getRoot().getChildren().getFirst();
            while (!item.getChildren().isEmpty()) {
                item.setExpanded(true);
                item = item.getChildren().getFirst();
            }
            topics.getSelectionModel().select(item);
        });
        TextArea payload = robot.lookup("#broker-payload").queryAs(TextArea.class);
        assertThat(payload.getText())
                .startsWith("dt/fleetdeck/site-0/pump-0/telemetry")
                .contains("\"temperature\" : 20.5,");
        assertThat(payload.isWrapText())
                .as("a payload is scrolled, never wrapped inside a word")
                .isFalse();
        assertThat(robot.lookup("#broker-legend-in").queryAs(Label.class))
                .satisfies(in -> assertThat(in.getText()).isEqualTo("Messages in (published by clients)"))
                .satisfies(in -> assertThat(in.isVisible() && in.getWidth() > 0).isTrue());
        assertThat(robot.lookup("#broker-legend-out").queryAs(Label.class).getText())
                .isEqualTo("Messages out (delivered to subscribers)");
        TableCell<?, ?> onlineSince = robot.lookup("#broker-clients .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getIndex() == 1
                        && "Since".equals(cell.getTableColumn().getText()))
                .findFirst()
                .orElseThrow();
        assertThat(onlineSince.getText())
                .as("the connection's date, not only its time of day")
                .contains("2026");

        for (var theme : List.of(new PrimerDark(), new PrimerLight())) {
            robot.interact(() -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));
            WaitForAsyncUtils.waitForFxEvents();
            Path file = Path.of(
                    "target",
                    "screenshots",
                    "broker-" + theme.getName().toLowerCase(Locale.ROOT).replace(' ', '-') + ".png");
            assertThat(Screenshot.of(stage.getScene(), file).distinctColours()).isGreaterThan(16);
        }
    }

    @Test
    void anIdleBrokerSaysHowDevicesConnect(FxRobot robot) {
        robot.interact(() ->
                model.apply(new BrokerSnapshot(T0, "MQTT over TLS on port 8883", 0, 0, 0, 0, List.of(), List.of())));

        TableView<?> clients = robot.lookup("#broker-clients").queryTableView();
        assertThat(((Label) clients.getPlaceholder()).getText()).contains("provisioning/root-ca.pem");
        assertThat(robot.lookup("#broker-payload").queryAs(TextArea.class).getPromptText())
                .isEqualTo("Select a topic to see its last message.");
    }

    /** Sample {@code n} of a broker taking in 5,000 messages/s and sending 12,000, with 9,000 of 10,000 online. */
    static BrokerSnapshot busy(int n) {
        List<ClientRow> clients = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            boolean online = i % 10 != 0;
            clients.add(new ClientRow(
                    String.format(Locale.ROOT, "site-%02d-pump-station-controller-%05d", i % 40, i),
                    online ? "10.20." + (i / 250) + "." + (i % 250) + ":" + (40000 + i) : "",
                    i % 2 == 0 ? "5" : "3.1.1",
                    online ? T0.minusSeconds(i) : null,
                    1000L * n + i,
                    2400L * n + i,
                    i % 7,
                    i % 97 == 0 ? new Drops(3, 1_200, 0, 0) : Drops.NONE,
                    online));
        }
        List<TopicRow> topics = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            topics.add(new TopicRow(
                    "dt/fleetdeck/site-" + (i % 40) + "/pump-" + i + "/telemetry",
                    n * 3L + i,
                    "{\"temperature\":" + (20 + i % 7) + ".5,\"battery\":87.0,\"rssi\":-61}",
                    T0));
        }
        return new BrokerSnapshot(
                T0.plusMillis(500L * n), "MQTT over TLS on port 8883", 2_500L * n, 6_000L * n, 12, 40, clients, topics);
    }
}
