package io.fleetdeck.views.groups;

import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.Texts;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * A group in the tree with its member counts (directly / with its subgroups). A group can be dragged onto another
 * group or onto the top row; a thing dragged from the members list can be dropped on any group. The top row is the
 * pseudo-group "All groups" (value {@link #TOP}) that stands for "no parent". JavaFX thread only.
 */
final class GroupTreeCell extends TreeCell<String> {

    /** The value of the tree's root row, which stands for the top of the hierarchy. */
    static final String TOP = "";

    static final DataFormat GROUP = new DataFormat("application/x-fleetdeck-thing-group");
    static final DataFormat THING = new DataFormat("application/x-fleetdeck-thing");

    private final GroupsViewModel model;
    private final Label name = new Label();
    private final Label counts = new Label();
    private final FontIcon icon = new FontIcon();
    private final HBox box;
    private final Tooltip tooltip = new Tooltip();

    GroupTreeCell(GroupsViewModel model) {
        this.model = model;
        icon.getStyleClass().add("group-icon");
        name.getStyleClass().add("group-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(40);
        counts.getStyleClass().add("group-counts");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        box = new HBox(8, icon, name, gap, counts);
        box.setAlignment(Pos.CENTER_LEFT);
        // never wider than the tree: long names are cut in the middle instead of scrolled to
        setPrefWidth(0);

        setOnDragDetected(event -> {
            String group = getItem();
            if (isEmpty() || group == null || TOP.equals(group) || isDynamic(group)) {
                return;
            }
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(GROUP, group);
            content.putString(group);
            board.setContent(content);
            event.consume();
        });
        setOnDragOver(event -> {
            if (accepts(event)) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        setOnDragEntered(event -> {
            if (accepts(event)) {
                getStyleClass().add("drop-target");
            }
        });
        setOnDragExited(event -> getStyleClass().remove("drop-target"));
        setOnDragDropped(event -> {
            boolean done = accepts(event);
            if (done) {
                drop(event.getDragboard());
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }

    @Override
    protected void updateItem(String group, boolean empty) {
        super.updateItem(group, empty);
        setText(null);
        getStyleClass().remove("drop-target");
        if (empty || group == null) {
            setGraphic(null);
            setTooltip(null);
            setId(null);
            return;
        }
        GroupHierarchy groups = model.hierarchyProperty().get();
        if (TOP.equals(group)) {
            icon.setIconCode(MaterialDesignF.FILE_TREE);
            name.setText(Texts.get("groups.tree.top", groups.size()));
            counts.setText(Texts.get("groups.tree.topCounts"));
            tooltip.setText(Texts.get("groups.tree.topTooltip"));
            setId("group-cell-top");
        } else {
            ThingGroupSummary node = groups.group(group);
            name.setText(group);
            if (node != null && node.isDynamic()) {
                showDynamic(node);
            } else {
                icon.setIconCode(MaterialDesignF.FOLDER_OUTLINE);
                counts.setText(
                        node == null ? "" : Texts.get("groups.tree.counts", node.directMembers(), node.totalMembers()));
                tooltip.setText(
                        node == null
                                ? group
                                : Texts.get("groups.tree.tooltip", group, node.directMembers(), node.totalMembers()));
            }
            setId("group-cell-" + group);
        }
        setTooltip(tooltip);
        setGraphic(box);
    }

    /** A dynamic group: its query chooses its members, it has no place in a hierarchy. */
    private void showDynamic(ThingGroupSummary node) {
        icon.setIconCode(MaterialDesignF.FOLDER_SEARCH_OUTLINE);
        counts.setText(
                node.isBuilding()
                        ? Texts.get("groups.tree.building")
                        : Texts.get("groups.tree.dynamicCount", node.directMembers()));
        tooltip.setText(Texts.get(
                "groups.tree.dynamicTooltip", node.name(), String.valueOf(node.dynamicQuery()), node.directMembers()));
    }

    private boolean isDynamic(String group) {
        ThingGroupSummary node = model.hierarchyProperty().get().group(group);
        return node != null && node.isDynamic();
    }

    /**
     * Whether what is dragged may land here: a thing on another group, a group anywhere but inside itself; never on
     * a dynamic group, whose query chooses its members.
     */
    private boolean accepts(DragEvent event) {
        String target = getItem();
        if (isEmpty() || target == null || isDynamic(target)) {
            return false;
        }
        Dragboard board = event.getDragboard();
        if (board.hasContent(THING)) {
            return !TOP.equals(target)
                    && !target.equals(model.selectedProperty().get());
        }
        if (board.hasContent(GROUP)) {
            String group = (String) board.getContent(GROUP);
            GroupHierarchy groups = model.hierarchyProperty().get();
            ThingGroupSummary node = groups.group(group);
            if (node == null) {
                return false;
            }
            String parent = TOP.equals(target) ? null : target;
            return !Objects.equals(node.parent(), parent) && (parent == null || !groups.isWithin(parent, group));
        }
        return false;
    }

    private void drop(Dragboard board) {
        String target = getItem();
        if (board.hasContent(THING)) {
            model.moveThing(
                    (String) board.getContent(THING), model.selectedProperty().get(), target);
        } else if (board.hasContent(GROUP)) {
            model.moveGroup((String) board.getContent(GROUP), TOP.equals(target) ? null : target);
        }
    }
}
