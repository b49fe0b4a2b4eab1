package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.shell.ConsoleInfo.BrokerEndpoint;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * The strip along the bottom, ControlsFX's status bar: on the left the services' state, where devices connect and the
 * data folder; on the right the version. Built and used on the JavaFX thread.
 */
final class StatusBar {

    private final org.controlsfx.control.StatusBar bar = new org.controlsfx.control.StatusBar();

    StatusBar(ShellViewModel model) {
        bar.setId("status-bar");
        // it reports, it takes no input: Tab passes it by
        bar.setFocusTraversable(false);
        // the bar's own message slot says "OK" unless told otherwise; here it only keeps the version to the right
        bar.setText("");

        Label folder = dataFolder(model.info().dataFolder());
        HBox.setHgrow(folder, Priority.SOMETIMES);
        bar.getLeftItems()
                .addAll(
                        services(model),
                        new Separator(Orientation.VERTICAL),
                        fixed(brokerWords(model.info().broker()), "status-broker"),
                        new Separator(Orientation.VERTICAL),
                        folder);
        bar.getRightItems()
                .add(fixed(Texts.get("shell.status.version", model.info().version()), "status-version"));
    }

    org.controlsfx.control.StatusBar node() {
        return bar;
    }

    private static Label services(ShellViewModel model) {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        Label state = new Label();
        state.setId("status-services");
        state.setGraphic(dot);
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.textProperty().bind(model.serviceStateProperty().map(ServiceState::label));
        model.serviceStateProperty().subscribe(s -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("state-"));
            dot.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
        });
        return state;
    }

    /** A long folder gives way first, shortened in the middle so its start and its last part stay readable. */
    private static Label dataFolder(String folder) {
        Label label = new Label(Texts.get("shell.status.dataFolder", folder));
        label.setId("status-data-folder");
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setMinWidth(120);
        label.setTooltip(new Tooltip(folder));
        return label;
    }

    private static Label fixed(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** "MQTT over TLS on port 8883", then the plain port and the profile when there are. */
    static String brokerWords(BrokerEndpoint broker) {
        String words = Texts.get("shell.status.broker", broker.mqttsPort());
        if (broker.mqttPort() != null) {
            words = Texts.get("shell.status.broker.plain", words, broker.mqttPort());
        }
        return broker.standardProfile() ? Texts.get("shell.status.broker.standardProfile", words) : words;
    }
}
