package io.fleetdeck.views.groups;

import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.util.Callback;
import org.controlsfx.control.BreadCrumbBar;
import org.jspecify.annotations.Nullable;

/**
 * A static group's place in its hierarchy as a ControlsFX {@link BreadCrumbBar}: the top group, the groups between,
 * the group itself; clicking a crumb selects that group (in the tree too). A dynamic group has no place in a
 * hierarchy and shows none. JavaFX thread only.
 */
final class GroupPath {

    private final BreadCrumbBar<String> bar = new BreadCrumbBar<>();

    GroupPath(GroupsViewModel model) {
        Objects.requireNonNull(model, "model");
        bar.setId("group-path-crumbs");
        bar.getStyleClass().add("group-path");
        bar.setFocusTraversable(false);
        bar.setAccessibleText(Texts.get("groups.path"));
        // the crumbs stay as they are: the selection moves, and the path is drawn again for the group chosen
        bar.setAutoNavigationEnabled(false);
        bar.setOnCrumbAction(event -> model.selectGroup(event.getSelectedCrumb().getValue()));
        Callback<TreeItem<String>, Button> crumb = bar.getCrumbFactory();
        bar.setCrumbFactory(item -> {
            Button button = crumb.call(item);
            button.setId("group-crumb-" + item.getValue());
            button.setAccessibleText(Texts.get("groups.path.crumb", item.getValue()));
            return button;
        });
    }

    Node node() {
        return bar;
    }

    /** Shows the path down to {@code group}; nothing for no group or a dynamic one. */
    void show(@Nullable ThingGroupSummary group, GroupHierarchy groups) {
        boolean shown = group != null && !group.isDynamic();
        bar.setVisible(shown);
        bar.setManaged(shown);
        if (group == null || !shown) {
            bar.setSelectedCrumb(null);
            return;
        }
        List<String> names = new ArrayList<>();
        groups.ancestors(group.name()).reversed().forEach(ancestor -> names.add(ancestor.name()));
        names.add(group.name());
        bar.setSelectedCrumb(BreadCrumbBar.buildTreeModel(names.toArray(String[]::new)));
    }
}
