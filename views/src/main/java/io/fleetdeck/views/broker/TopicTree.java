package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.TopicRow;
import io.fleetdeck.views.common.Texts;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
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
        tree.setAccessibleText(Texts.get("common.a11y.brokerTopics"));
        tree.setAccessibleHelp(Texts.get("common.a11y.brokerTopics.help"));
        tree.setRoot(root);
        tree.setShowRoot(false);
        root.setExpanded(true);
        tree.setCellFactory(view -> new TopicCell());

        payload.setId("broker-payload");
        payload.setEditable(false);
        // no wrapping: a compact payload has no spaces, so a wrap would cut its words; JSON is indented instead. Only
        // the hint shown while nothing is selected wraps: it is a sentence, and the pane is narrow
        payload.wrapTextProperty().bind(payload.textProperty().isEmpty());
        // room for that hint's few lines, which the split would otherwise squeeze to one cut-off line
        payload.setMinHeight(96);
        payload.getStyleClass().add("broker-payload");
        payload.setPromptText(Texts.get("broker.topic.select"));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> showPayload(item));
        // a tree of one closed level gives Down nowhere to go and Right nothing selected to open: the keyboard
        // arriving selects the first level, so the arrows work from there
        tree.focusedProperty().subscribe(focused -> {
            if (focused && tree.getSelectionModel().isEmpty() && tree.getExpandedItemCount() > 0) {
                tree.getSelectionModel().selectFirst();
            }
        });

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
        TreeItem<TopicNode> item = new TreeItem<>(
                new TopicNode(level.isEmpty() ? Texts.get("broker.topic.emptyLevel") : level, topic, 0, "", false));
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
            setText(node.isTopic() ? Texts.get("broker.topic.withCount", node.level(), node.messages()) : node.level());
        }
    }
}
