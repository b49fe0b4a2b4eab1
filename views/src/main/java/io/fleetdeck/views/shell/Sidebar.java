package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The list of sections down the left edge. Arrow keys move between sections; its selection follows the view model
 * both ways.
 */
final class Sidebar {

    private final ListView<Section> list = new ListView<>();

    Sidebar(ShellViewModel model) {
        list.getItems().setAll(Section.values());
        list.getStyleClass().add("sidebar");
        list.setId("sidebar");
        list.setAccessibleText(Texts.get("common.a11y.sidebar"));
        list.setAccessibleHelp(Texts.get("common.a11y.sidebar.help"));
        list.setFixedCellSize(40);
        list.setCellFactory(view -> new SectionCell());
        list.getSelectionModel().select(model.sectionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                model.navigate(selected);
            }
        });
        model.sectionProperty().addListener((obs, old, section) -> {
            list.getSelectionModel().select(section);
            list.scrollTo(section);
        });
    }

    ListView<Section> node() {
        return list;
    }

    private static final class SectionCell extends ListCell<Section> {

        SectionCell() {
            // a cell takes the sidebar's width rather than asking for its own, so no row ever needs a scrollbar
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Section section, boolean empty) {
            super.updateItem(section, empty);
            if (empty || section == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            FontIcon icon = new FontIcon(SectionIcons.of(section));
            icon.getStyleClass().add("sidebar-icon");
            Label title = new Label(section.title());
            title.getStyleClass().add("sidebar-title");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label shortcut = new Label(Texts.get("shell.keys.section", section.shortcutDigit()));
            // the row is drawn by its graphic, which a screen reader does not read: the cell says it in words
            setAccessibleText(Texts.get("shell.sidebar.accessible", section.title(), shortcut.getText()));
            shortcut.getStyleClass().add("sidebar-shortcut");
            HBox row = new HBox(10, icon, title, gap, shortcut);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
