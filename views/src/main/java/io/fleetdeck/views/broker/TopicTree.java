package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.TopicRow;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The live topic tree: one item per topic level, made once and then only updated in place, so thousands of topics
 * changing every half second never rebuild the tree. Selecting a topic shows its last payload. JavaFX thread only.
 */
final class TopicTree {

    /** A tree item's value: a level of the topic space and, where a topic ends here, its counts. */
    record TopicNode(String level, String path, long messages, String lastPayload, boolean isTopic) {}

    private final TreeView<TopicNode> tree = new TreeView<>();
    private final TreeItem<TopicNode> root = new TreeItem<>(new TopicNode("topics", "", 0, "", false));
    private final Map<String, TreeItem<TopicNode>> items = new HashMap<>();
    private final TextArea payload = new TextArea();
    private final SplitPane pane;

    TopicTree(BrokerViewModel model) {
        tree.setId("broker-topics");
        tree.setRoot(root);
        tree.setShowRoot(false);
        root.setExpanded(true);
        tree.setCellFactory(view -> new TopicCell());
        Label empty = new Label("No messages yet.");
        empty.getStyleClass().add("table-placeholder");

        payload.setId("broker-payload");
        payload.setEditable(false);
        // no wrapping: a compact payload has no spaces, so a wrap would cut its words; JSON is indented instead
        payload.setWrapText(false);
        payload.getStyleClass().add("broker-payload");
        payload.setPromptText("Select a topic to see its last message.");
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> showPayload(item));

        pane = new SplitPane(tree, payload);
        pane.setOrientation(Orientation.VERTICAL);
        pane.setDividerPositions(0.7);
        model.topics().addListener((ListChangeListener<TopicRow>) change -> update(model.topics()));
    }

    Node node() {
        return pane;
    }

    private void update(Iterable<TopicRow> rows) {
        for (TopicRow row : rows) {
            TreeItem<TopicNode> item = itemFor(row.topic());
            TopicNode current = item.getValue();
            if (!current.isTopic() || current.messages() != row.messages()) {
                item.setValue(new TopicNode(current.level(), row.topic(), row.messages(), row.lastPayload(), true));
            }
        }
        showPayload(tree.getSelectionModel().getSelectedItem());
    }

    /** The item of {@code topic}, made with its parent levels the first time the topic is seen. */
    private TreeItem<TopicNode> itemFor(String topic) {
        TreeItem<TopicNode> known = items.get(topic);
        if (known != null) {
            return known;
        }
        int slash = topic.lastIndexOf('/');
        TreeItem<TopicNode> parent = slash < 0 ? root : itemFor(topic.substring(0, slash));
        String level = slash < 0 ? topic : topic.substring(slash + 1);
        TreeItem<TopicNode> item =
                new TreeItem<>(new TopicNode(level.isEmpty() ? "(empty)" : level, topic, 0, "", false));
        item.setExpanded(parent == root);
        parent.getChildren().add(item);
        items.put(topic, item);
        return item;
    }

    private void showPayload(TreeItem<TopicNode> item) {
        if (item == null || !item.getValue().isTopic()) {
            payload.clear();
            return;
        }
        payload.setText(item.getValue().path() + "\n\n"
                + BrokerText.payload(item.getValue().lastPayload()));
    }

    private static final class TopicCell extends TreeCell<TopicNode> {
        @Override
        protected void updateItem(TopicNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                return;
            }
            setText(
                    node.isTopic()
                            ? String.format(Locale.ROOT, "%s  (%,d)", node.level(), node.messages())
                            : node.level());
        }
    }
}
