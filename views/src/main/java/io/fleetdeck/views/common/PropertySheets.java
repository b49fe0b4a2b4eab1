package io.fleetdeck.views.common;

import javafx.scene.Node;
import org.controlsfx.control.PropertySheet;

/** What the console's attribute sheets share on top of ControlsFX's {@link PropertySheet}. */
public final class PropertySheets {

    private PropertySheets() {}

    /**
     * Takes the sheet's tool bar out of the layout and the Tab order. Hiding its mode switch and search box leaves the
     * bar itself in place, empty but focusable, and its hidden toggles unnamed for a screen reader; attributes are
     * few enough to need neither.
     */
    public static void withoutToolbar(PropertySheet sheet) {
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.skinProperty().subscribe(skin -> {
            Node toolbar = skin == null ? null : sheet.lookup(".tool-bar");
            if (toolbar != null) {
                toolbar.setVisible(false);
                toolbar.setManaged(false);
                toolbar.setFocusTraversable(false);
            }
        });
    }
}
