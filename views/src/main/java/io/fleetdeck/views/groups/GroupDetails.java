package io.fleetdeck.views.groups;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.TextCell;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
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
 * The selected group in the Groups section: its name and path, its attributes (a property sheet, its own edited in
 * place), the policies it has and gets from its ancestors, and its members, which can be dragged onto another group.
 * Built and used on the JavaFX thread.
 */
final class GroupDetails {

    private static final double ROW_HEIGHT = 28;
    /** A table's column headings and borders, in the AtlantaFX themes. */
    private static final double HEADER_HEIGHT = 44;

    private final GroupsViewModel model;
    private final Supplier<@Nullable Window> window;
    private final ListView<String> members = new ListView<>();
    private final GroupPath crumbs;
    private final GroupAttributeSheet attributes;
    private final Node root;

    GroupDetails(GroupsViewModel model, Supplier<@Nullable Window> window) {
        this.model = Objects.requireNonNull(model, "model");
        this.window = Objects.requireNonNull(window, "window");
        crumbs = new GroupPath(model);
        attributes = new GroupAttributeSheet(model, window);
        root = details();
    }

    Node node() {
        return root;
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
        path.managedProperty().bind(path.visibleProperty());
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
            path.setText(group == null ? "" : dynamicState(group));
            path.setVisible(group != null && group.isDynamic());
            crumbs.show(group, model.hierarchyProperty().get());
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

        VBox headingBox = new VBox(2, title, crumbs.node(), path, query, counts);

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
                                GroupDetails::entryStyle),
                        TextCell.flexible(
                                Texts.get("groups.column.from"),
                                200,
                                GroupDetails::from,
                                GroupDetails::fromTooltip,
                                GroupDetails::entryStyle)));
        EmptyState noPolicy = (EmptyState) policies.getPlaceholder();
        model.selectedProperty()
                .subscribe(name -> noPolicy.setExplanation(
                        model.selectedGroup() != null && model.selectedGroup().isDynamic()
                                ? Texts.get("groups.policies.emptyDynamic")
                                : Texts.get("groups.policies.empty")));
        policies.setAccessibleText(Texts.get("groups.policies.table"));
        VBox tables = new VBox(
                6,
                sectionTitle(
                        Texts.get("groups.attributes"),
                        MaterialDesignF.FORMAT_LIST_BULLETED,
                        Texts.get("groups.attributes.note"),
                        attributes.actions()),
                attributes.node(),
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

    /** What a dynamic group is, or that it is still choosing its members. */
    private static String dynamicState(ThingGroupSummary group) {
        if (!group.isBuilding()) {
            return Texts.get("groups.path.dynamic");
        }
        return Texts.get(
                "REBUILDING".equals(group.dynamicStatus()) ? "groups.path.rebuilding" : "groups.path.building");
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
                GroupDialogs.choosePolicy(window.get(), group, names).ifPresent(model::attachPolicy);
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
