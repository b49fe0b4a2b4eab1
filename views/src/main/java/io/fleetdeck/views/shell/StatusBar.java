package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The strip along the bottom: the services' state, where devices connect, the data folder and the version. */
final class StatusBar {

    private final HBox bar = new HBox(10);

    StatusBar(ShellViewModel model) {
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        Label state = new Label();
        state.setId("status-services");
        state.setGraphic(dot);
        state.textProperty().bind(model.serviceStateProperty().map(ServiceState::label));
        model.serviceStateProperty().subscribe(s -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("state-"));
            dot.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
        });

        String folder = model.info().dataFolder();
        Label dataFolder = new Label(Texts.get("shell.status.dataFolder", folder));
        dataFolder.setId("status-data-folder");
        dataFolder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        dataFolder.setMinWidth(120);
        dataFolder.setTooltip(new Tooltip(folder));

        Label broker = new Label(model.info().brokerEndpoint());
        broker.setId("status-broker");
        broker.setMinWidth(Region.USE_PREF_SIZE);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(dataFolder, Priority.SOMETIMES);

        Label version = new Label(Texts.get("shell.status.version", model.info().version()));
        version.setId("status-version");
        version.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);

        bar.getChildren()
                .addAll(
                        state,
                        new Separator(Orientation.VERTICAL),
                        broker,
                        new Separator(Orientation.VERTICAL),
                        dataFolder,
                        gap,
                        version);
    }

    HBox node() {
        return bar;
    }
}
