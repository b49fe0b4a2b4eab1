package io.fleetdeck.views.certificates;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;

/** JSON as coloured {@link Text} runs for a {@code TextFlow}: one node per token, styled by its kind. */
final class JsonText {

    private JsonText() {}

    static List<Node> of(String json) {
        return JsonTokens.of(json).stream()
                .map(token -> {
                    Text text = new Text(token.text());
                    text.getStyleClass().addAll("json-token", token.kind().styleClass());
                    return (Node) text;
                })
                .toList();
    }
}
