package io.fleetdeck.views.groups;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.NoticeBar;
import io.fleetdeck.views.common.TextCell;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
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

        SplitPane split = new SplitPane(treePane(), details());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        split.getStyleClass().add("groups-split");
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getChildren()
                .addAll(new NoticeBar("groups-notice", model.noticeProperty(), model::dismissNotice), toolbar(), split);
        model.revisionProperty().subscribe(revision -> rebuildTree());
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

    private Node details() {
        Label title = new Label();
        title.setId("group-title");
        title.getStyleClass().add("group-title");
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        title.setMinWidth(0);
        Label path = new Label();
        path.setId("group-path");
        path.getStyleClass().add("group-muted");
        path.setMinWidth(0);
        Label counts = new Label();
        counts.setId("group-member-counts");
        counts.getStyleClass().add("group-muted");
        Label query = new Label();
        query.setId("group-query");
        query.getStyleClass().add("group-query");
        query.setMinWidth(0);
        query.setTextOverrun(OverrunStyle.ELLIPSIS);
        Runnable heading = () -> {
            ThingGroupSummary group = model.selectedGroup();
            title.setText(group == null ? "" : group.name());
            path.setText(group == null ? "" : pathOf(group));
            String dynamicQuery = group == null ? null : group.dynamicQuery();
            boolean dynamic = dynamicQuery != null;
            query.setText(dynamicQuery != null ? dynamicQuery : "");
            query.setTooltip(dynamicQuery != null ? new Tooltip(dynamicQuery) : null);
            query.setVisible(dynamic);
            query.setManaged(dynamic);
            counts.setText(countsOf(group));
        };
        model.revisionProperty().subscribe(revision -> heading.run());
        model.selectedProperty().subscribe(name -> heading.run());

        VBox headingBox = new VBox(2, title, path, query, counts);

        TableView<Entry> attributes = entries(
                "group-attributes",
                model.attributes(),
                Texts.get("groups.attributes.empty"),
                List.of(
                        TextCell.flexible(
                                Texts.get("groups.column.attribute"),
                                160,
                                Entry::name,
                                Entry::name,
                                GroupsView::entryStyle),
                        TextCell.flexible(
                                Texts.get("groups.column.value"),
                                200,
                                Entry::value,
                                Entry::value,
                                GroupsView::entryStyle),
                        TextCell.flexible(
                                Texts.get("groups.column.from"),
                                200,
                                GroupsView::from,
                                GroupsView::fromTooltip,
                                GroupsView::entryStyle)));
        TableView<Entry> policies = entries(
                "group-policies",
                model.policies(),
                Texts.get("groups.policies.empty"),
                List.of(
                        TextCell.flexible(
                                Texts.get("groups.column.policy"),
                                360,
                                Entry::name,
                                Entry::name,
                                GroupsView::entryStyle),
                        TextCell.flexible(
                                Texts.get("groups.column.from"),
                                200,
                                GroupsView::from,
                                GroupsView::fromTooltip,
                                GroupsView::entryStyle)));
        EmptyState noPolicy = (EmptyState) policies.getPlaceholder();
        model.selectedProperty()
                .subscribe(name -> noPolicy.setExplanation(
                        model.selectedGroup() != null && model.selectedGroup().isDynamic()
                                ? Texts.get("groups.policies.emptyDynamic")
                                : Texts.get("groups.policies.empty")));
        attributes.setAccessibleText(Texts.get("groups.attributes.table"));
        policies.setAccessibleText(Texts.get("groups.policies.table"));
        VBox tables = new VBox(
                6,
                sectionTitle(
                        Texts.get("groups.attributes"),
                        MaterialDesignF.FORMAT_LIST_BULLETED,
                        Texts.get("groups.attributes.note"),
                        editAttributes()),
                attributes,
                sectionTitle(
                        Texts.get("groups.policies"),
                        MaterialDesignC.CERTIFICATE_OUTLINE,
                        Texts.get("groups.policies.note"),
                        model.canEditPolicies() ? policyActions(policies) : null),
                policies);

        Label membersTitle = heading("", MaterialDesignD.DEVICES);
        membersTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Texts.get("groups.members.title", model.members().size()), model.members()));
        Label dragHint = new Label();
        dragHint.getStyleClass().add("group-muted");
        model.selectedProperty()
                .subscribe(name -> dragHint.setText(
                        model.selectedGroup() != null && model.selectedGroup().isDynamic()
                                ? Texts.get("groups.members.dynamic")
                                : Texts.get("groups.members.drag")));
        HBox membersHeading = new HBox(10, membersTitle, dragHint);
        membersHeading.setAlignment(Pos.BASELINE_LEFT);
        members.setId("group-members");
        members.getStyleClass().add("group-members");
        members.setItems(model.members());
        members.setFixedCellSize(28);
        members.setCellFactory(view -> new MemberCell());
        members.setPlaceholder(EmptyState.line(Texts.get("groups.members.empty")));
        members.setAccessibleText(Texts.get("groups.members.list"));
        VBox.setVgrow(members, Priority.ALWAYS);
        // small to start with: the members take whatever height the rest leaves
        members.setPrefHeight(120);
        VBox memberBox = new VBox(6, membersHeading, members);
        VBox.setVgrow(memberBox, Priority.ALWAYS);

        VBox shown = new VBox(14, headingBox, tables, memberBox);
        shown.getStyleClass().add("group-details");
        shown.visibleProperty().bind(model.selectedProperty().isNotNull());

        Label hint = new Label(Texts.get("groups.selectHint"));
        hint.setId("group-hint");
        hint.getStyleClass().add("group-muted");
        hint.visibleProperty().bind(shown.visibleProperty().not());
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        StackPane stack = new StackPane(hint, shown);
        stack.getStyleClass().add("group-details-stack");
        return stack;
    }

    private static String countsOf(@Nullable ThingGroupSummary group) {
        if (group == null) {
            return "";
        }
        if (group.isDynamic()) {
            return Texts.get("groups.counts.dynamic", group.directMembers());
        }
        return Texts.get("groups.counts", group.directMembers(), group.totalMembers());
    }

    /** {@code In north-harbour › north-harbour-b2}, or where a top group stands, or what a dynamic group is. */
    private String pathOf(ThingGroupSummary group) {
        if (group.isDynamic()) {
            if (!group.isBuilding()) {
                return Texts.get("groups.path.dynamic");
            }
            return Texts.get(
                    "REBUILDING".equals(group.dynamicStatus()) ? "groups.path.rebuilding" : "groups.path.building");
        }
        List<ThingGroupSummary> ancestors = model.hierarchyProperty().get().ancestors(group.name());
        if (ancestors.isEmpty()) {
            return Texts.get("groups.path.top");
        }
        return Texts.get(
                "groups.path.in",
                ancestors.reversed().stream().map(ThingGroupSummary::name).collect(Collectors.joining(" \u203a ")));
    }

    private static TableView<Entry> entries(
            String id, ObservableList<Entry> items, String emptyText, List<TableColumn<Entry, Entry>> columns) {
        TableView<Entry> table = new TableView<>(items);
        table.setId(id);
        table.setFixedCellSize(ROW_HEIGHT);
        // as high as its rows, up to six: room for the members below
        table.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> ROW_HEIGHT * Math.clamp(items.size(), 1, 6) + HEADER_HEIGHT, items));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(columns);
        columns.forEach(column -> column.setSortable(false));
        table.setPlaceholder(EmptyState.line(emptyText));
        return table;
    }

    private static String from(Entry entry) {
        return entry.inherited() ? "\u2191 " + entry.from() : Texts.get("groups.from.here");
    }

    private static String fromTooltip(Entry entry) {
        if (!entry.inherited()) {
            return Texts.get("groups.from.hereTooltip");
        }
        return entry.overridden()
                ? Texts.get("groups.from.overridden", entry.from())
                : Texts.get("groups.from.ancestor", entry.from());
    }

    private static String entryStyle(Entry entry) {
        if (entry.overridden()) {
            return "group-overridden";
        }
        return entry.inherited() ? "group-inherited" : "";
    }

    private static Label heading(String text, Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("group-section-icon");
        Label label = new Label(text, icon);
        label.getStyleClass().add("group-section-title");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A section's heading with a note beside it that says how to read the section, and its action if it has one. */
    private static Node sectionTitle(String text, Ikon ikon, String note, @Nullable Node action) {
        Label words = new Label(note);
        words.getStyleClass().add("group-muted");
        words.setMinWidth(0);
        words.setTooltip(new Tooltip(note));
        HBox title = new HBox(10, heading(text, ikon), words);
        title.setAlignment(Pos.BASELINE_LEFT);
        if (action != null) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            title.getChildren().addAll(gap, action);
            title.setAlignment(Pos.CENTER_LEFT);
        }
        return title;
    }

    /** Attach policy… offers the policies not yet on the group; Detach takes off the one selected, if it is its own. */
    private Node policyActions(TableView<Entry> policies) {
        Button attach = new Button(Texts.get("groups.attachPolicy"), new FontIcon(MaterialDesignP.PLUS));
        attach.setId("group-attach-policy");
        attach.getStyleClass().add(Styles.SMALL);
        attach.setMinWidth(Region.USE_PREF_SIZE);
        attach.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedGroup() == null
                                || model.selectedGroup().isDynamic()
                                || model.busyProperty().get(),
                        model.selectedProperty(),
                        model.revisionProperty(),
                        model.busyProperty()));
        attach.setOnAction(event -> model.readAttachablePolicies(names -> {
            String group = model.selectedProperty().get();
            if (group != null) {
                GroupDialogs.choosePolicy(window(), group, names).ifPresent(model::attachPolicy);
            }
        }));
        Button detach = new Button(Texts.get("groups.detachPolicy"), new FontIcon(MaterialDesignL.LINK_OFF));
        detach.setId("group-detach-policy");
        detach.getStyleClass().add(Styles.SMALL);
        detach.setMinWidth(Region.USE_PREF_SIZE);
        detach.setTooltip(new Tooltip(Texts.get("groups.detachPolicy.tooltip")));
        detach.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            Entry chosen = policies.getSelectionModel().getSelectedItem();
                            return chosen == null
                                    || chosen.inherited()
                                    || model.busyProperty().get();
                        },
                        policies.getSelectionModel().selectedItemProperty(),
                        model.busyProperty()));
        detach.setOnAction(event -> {
            Entry chosen = policies.getSelectionModel().getSelectedItem();
            if (chosen != null && !chosen.inherited()) {
                model.detachPolicy(chosen.name());
            }
        });
        HBox actions = new HBox(6, attach, detach);
        actions.setAlignment(Pos.CENTER_RIGHT);
        return actions;
    }

    /** Opens the selected group's own attributes to change, add and remove; Save writes them to the registry. */
    private Node editAttributes() {
        Button edit = new Button(Texts.get("groups.editAttributes"), new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        edit.setId("group-edit-attributes");
        edit.getStyleClass().add(Styles.SMALL);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        edit.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        edit.setOnAction(event -> {
            ThingGroupSummary group = model.selectedGroup();
            if (group != null) {
                GroupDialogs.editAttributes(window(), group.name(), group.attributes())
                        .ifPresent(model::saveAttributes);
            }
        });
        return edit;
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
            TreeItem<String> wanted = selected == null ? null : find(top, selected);
            if (wanted != null) {
                for (TreeItem<String> parent = wanted.getParent(); parent != null; parent = parent.getParent()) {
                    parent.setExpanded(true);
                }
                int row = tree.getRow(wanted);
                tree.getSelectionModel().clearAndSelect(row);
            } else {
                tree.getSelectionModel().clearSelection();
            }
        } finally {
            rebuilding = false;
        }
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

    /** A member thing, which can be dragged onto another group. */
    private final class MemberCell extends ListCell<String> {

        MemberCell() {
            setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            setPrefWidth(0);
            setGraphic(null);
            setOnDragDetected(event -> {
                if (isEmpty() || getItem() == null) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(GroupTreeCell.THING, getItem());
                content.putString(getItem());
                board.setContent(content);
                event.consume();
            });
        }

        @Override
        protected void updateItem(String thing, boolean empty) {
            super.updateItem(thing, empty);
            setText(empty || thing == null ? null : thing);
            setId(empty || thing == null ? null : "group-member-" + thing);
        }
    }
}
