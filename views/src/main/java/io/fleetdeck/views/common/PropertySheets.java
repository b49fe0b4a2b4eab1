package io.fleetdeck.views.common;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.PropertySheet;

/** What the console's attribute sheets share on top of ControlsFX's {@link PropertySheet}. */
public final class PropertySheets {

    private PropertySheets() {}

    /**
     * Takes the sheet's tool bar out of the window. Hiding its mode switch and search box leaves the bar itself in the
     * scene, with two unnamed toggles and a search field whose style asks for colours the AtlantaFX themes do not
     * have; attributes are few enough to need neither.
     */
    public static void withoutToolbar(PropertySheet sheet) {
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.skinProperty().subscribe(skin -> {
            Node toolbar = skin == null ? null : sheet.lookup(".tool-bar");
            if (toolbar != null && toolbar.getParent() instanceof BorderPane layout && layout.getTop() == toolbar) {
                layout.setTop(null);
            }
        });
    }
}
