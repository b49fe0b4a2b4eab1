package io.fleetdeck.views.groups;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.NoticePane;
import io.fleetdeck.views.common.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The Groups section: the static thing-group hierarchy as a tree with member counts, and the selected group's
 * members, attributes and policies, its ancestors' marked as inherited. Create, rename and delete ask first, naming
 * the group; dragging a thing from the members onto a group moves it there, dragging a group onto another (or onto
 * "All groups") moves it with everything below. Built and used on the JavaFX thread.
 */
public final class GroupsView {

    private static final double ROW_HEIGHT = 28;
    /** A table's column headings and borders, in the AtlantaFX themes. */
    private static final double HEADER_HEIGHT = 44;

    private final GroupsViewModel model;
    private final VBox root = new VBox();
    private final TreeView<String> tree = new TreeView<>();
    private final ListView<String> members = new ListView<>();
    /** Set while the tree is rebuilt or its selection put back, so the model is not told. */
    private boolean rebuilding;
    /** Until groups have been shown, the tree opens the tops of the hierarchies. */
    private boolean shownBefore;
    /** The query a new dynamic group starts from: the Fleet view's, when the console wires it. */
    private Supplier<String> currentQuery = () -> "";

    public GroupsView(GroupsViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        root.getStyleClass().add("groups-view");

        SplitPane split = new SplitPane(treePane(), new GroupDetails(model, this::window).node());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        split.getStyleClass().add("groups-split");
        NotificationPane notice =
                new NoticePane("groups-notice", split, model.noticeProperty(), model::dismissNotice).node();
        VBox.setVgrow(notice, Priority.ALWAYS);

        root.getChildren().addAll(toolbar(), notice);
        model.revisionProperty().subscribe(revision -> rebuildTree());
        // a group chosen elsewhere (a crumb of the path) is selected in the tree too
        model.selectedProperty().subscribe(this::showSelected);
    }

    public Node node() {
        return root;
    }

    /** Where "New dynamic group…" takes its first query from: the Fleet view's current query. */
    public void startDynamicGroupsFrom(Supplier<String> query) {
        this.currentQuery = Objects.requireNonNull(query, "query");
    }

    private Node toolbar() {
        Button create = new Button(Texts.get("groups.new"), new FontIcon(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        create.setId("group-create");
        create.setOnAction(
                event -> GroupDialogs.create(window(), model.selectedProperty().get())
                        .ifPresent(group -> model.create(group.name(), group.parent())));
        Button createDynamic =
                new Button(Texts.get("groups.newDynamic"), new FontIcon(MaterialDesignF.FOLDER_SEARCH_OUTLINE));
        createDynamic.setId("group-create-dynamic");
        createDynamic.setOnAction(event -> GroupDialogs.createDynamic(window(), currentQuery.get())
                .ifPresent(group -> model.createDynamic(group.name(), group.query())));
        Button rename = new Button(Texts.get("groups.rename"), new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        rename.setId("group-rename");
        rename.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedGroup() == null
                                || model.selectedGroup().isDynamic(),
                        model.selectedProperty(),
                        model.revisionProperty()));
        rename.setOnAction(event -> {
            String group = model.selectedProperty().get();
            if (group != null) {
                GroupDialogs.rename(window(), group).ifPresent(model::rename);
            }
        });
        Button delete = new Button(Texts.get("groups.delete"), new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("group-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(event -> {
            ThingGroupSummary group = model.selectedGroup();
            if (group != null
                    && GroupDialogs.delete(
                            window(),
                            group,
                            model.hierarchyProperty()
                                    .get()
                                    .children(group.name())
                                    .size())) {
                model.delete();
            }
        });
        for (Button button : List.of(create, createDynamic, rename, delete)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, create, createDynamic, rename, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("groups-toolbar");
        return bar;
    }

    private Node treePane() {
        tree.setId("group-tree");
        tree.getStyleClass().add("group-tree");
        tree.setCellFactory(view -> new GroupTreeCell(model));
        tree.setAccessibleText(Texts.get("groups.tree"));
        tree.setFixedCellSize(30);
        tree.setShowRoot(true);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!rebuilding) {
                String group = item == null ? null : item.getValue();
                model.selectGroup(group == null || GroupTreeCell.TOP.equals(group) ? null : group);
            }
        });

        EmptyState empty = new EmptyState(
                MaterialDesignF.FILE_TREE,
                Texts.get("groups.empty.title"),
                Texts.get("groups.empty.explanation"),
                Texts.get("groups.empty.hint"));
        empty.setId("groups-empty");
        empty.visibleProperty()
                .bind(model.loadedProperty()
                        .and(Bindings.createBooleanBinding(
                                () -> model.hierarchyProperty().get().isEmpty(), model.hierarchyProperty())));
        tree.visibleProperty().bind(empty.visibleProperty().not());
        StackPane stack = new StackPane(tree, empty);
        VBox.setVgrow(stack, Priority.ALWAYS);
        // under the tree, where it wraps in any width, rather than cut off at the end of the toolbar
        Label hint = new Label(Texts.get("groups.dragHint"));
        hint.setId("groups-hint");
        hint.getStyleClass().add("groups-tree-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.visibleProperty().bind(tree.visibleProperty());
        hint.managedProperty().bind(tree.visibleProperty());
        VBox pane = new VBox(stack, hint);
        pane.setMinWidth(240);
        return pane;
    }

    /** Rebuilds the tree from the hierarchy; what was open stays open and the selection stays on its group. */
    private void rebuildTree() {
        GroupHierarchy groups = model.hierarchyProperty().get();
        Set<String> expanded = new HashSet<>();
        boolean first = !shownBefore;
        if (tree.getRoot() != null) {
            collectExpanded(tree.getRoot(), expanded);
        }
        shownBefore = shownBefore || !groups.isEmpty();
        TreeItem<String> top = new TreeItem<>(GroupTreeCell.TOP);
        top.setExpanded(true);
        for (ThingGroupSummary group : groups.roots()) {
            top.getChildren().add(item(groups, group, expanded, first, 1));
        }
        // a group just selected (created or moved) is shown, whatever was open before
        String selected = model.selectedProperty().get();
        rebuilding = true;
        try {
            tree.setRoot(top);
            select(selected == null ? null : find(top, selected));
        } finally {
            rebuilding = false;
        }
    }

    private void showSelected(@Nullable String group) {
        TreeItem<String> current = tree.getSelectionModel().getSelectedItem();
        if (rebuilding
                || tree.getRoot() == null
                || (current != null && current.getValue().equals(group))) {
            return;
        }
        rebuilding = true;
        try {
            select(group == null ? null : find(tree.getRoot(), group));
        } finally {
            rebuilding = false;
        }
    }

    /** Selects {@code wanted}, opening its parents and scrolling to it, or clears the selection for null. */
    private void select(@Nullable TreeItem<String> wanted) {
        if (wanted == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        for (TreeItem<String> parent = wanted.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        int row = tree.getRow(wanted);
        tree.getSelectionModel().clearAndSelect(row);
        tree.scrollTo(Math.max(0, row - 3));
    }

    private static TreeItem<String> item(
            GroupHierarchy groups, ThingGroupSummary group, Set<String> expanded, boolean first, int depth) {
        TreeItem<String> item = new TreeItem<>(group.name());
        for (ThingGroupSummary child : groups.children(group.name())) {
            item.getChildren().add(item(groups, child, expanded, first, depth + 1));
        }
        // at first the tops of the hierarchies are open, showing the level below: sites and their buildings
        item.setExpanded(first ? depth < 2 : expanded.contains(group.name()));
        return item;
    }

    private static void collectExpanded(TreeItem<String> item, Set<String> expanded) {
        for (TreeItem<String> child : item.getChildren()) {
            if (child.isExpanded()) {
                expanded.add(child.getValue());
            }
            collectExpanded(child, expanded);
        }
    }

    private static @Nullable TreeItem<String> find(TreeItem<String> item, String name) {
        if (name.equals(item.getValue())) {
            return item;
        }
        for (TreeItem<String> child : item.getChildren()) {
            TreeItem<String> found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private @Nullable Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
