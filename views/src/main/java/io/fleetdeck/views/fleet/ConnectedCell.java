package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.Texts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.shape.Circle;

/** Connected or offline, with a coloured dot, so a column of them reads at a glance. */
final class ConnectedCell extends TableCell<ThingOverview, ThingOverview> {

    private final Circle dot = new Circle(4);

    private ConnectedCell() {
        dot.getStyleClass().add("connection-dot");
    }

    static TableColumn<ThingOverview, ThingOverview> column() {
        TableColumn<ThingOverview, ThingOverview> column = new TableColumn<>(ThingColumn.CONNECTED.title());
        column.setPrefWidth(110);
        column.setMinWidth(110);
        column.setMaxWidth(136);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new ConnectedCell());
        return column;
    }

    @Override
    protected void updateItem(ThingOverview row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("thing-connected", "thing-offline");
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(Texts.get(row.connected() ? "fleet.connected" : "fleet.offline"));
        getStyleClass().add(row.connected() ? "thing-connected" : "thing-offline");
        setGraphic(dot);
    }
}
