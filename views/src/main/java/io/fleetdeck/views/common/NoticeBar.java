package io.fleetdeck.views.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Shows a view's {@link Notice}: green when the action went through, amber for a warning, red with the service's
 * reason when it did not; hidden when there is none. Extra buttons (e.g. Reload after a version conflict) sit before
 * the dismiss button. JavaFX thread only.
 */
public final class NoticeBar extends BorderPane {

    private final Label text = new Label();
    private final FontIcon icon = new FontIcon();
    private final HBox actions = new HBox(6);

    /**
     * @param idPrefix ids of the parts start with it ({@code PREFIX-text}, {@code PREFIX-dismiss}) so tests find them
     */
    public NoticeBar(String idPrefix, ObservableValue<Notice> notice, Runnable dismiss) {
        setId(idPrefix);
        getStyleClass().add("notice-bar");
        icon.getStyleClass().add("notice-icon");
        text.setId(idPrefix + "-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId(idPrefix + "-dismiss");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip(Texts.get("shell.notice.dismiss")));
        close.setAccessibleText(Texts.get("shell.notice.dismiss"));
        close.setOnAction(event -> dismiss.run());
        actions.getChildren().add(close);
        actions.setAlignment(Pos.CENTER_RIGHT);
        setLeft(icon);
        setCenter(text);
        setRight(actions);
        BorderPane.setAlignment(icon, Pos.CENTER_LEFT);
        BorderPane.setAlignment(actions, Pos.CENTER_RIGHT);
        BorderPane.setMargin(text, new Insets(0, 10, 0, 10));
        // the content below always wants more height than there is; without this a long message would shrink to one
        // cut-off line
        setMinHeight(Region.USE_PREF_SIZE);
        notice.subscribe(this::show);
        managedProperty().bind(visibleProperty());
    }

    /** Puts {@code action} before the dismiss button; it shows only while {@code shown} is true. */
    public void addAction(Node action, ObservableValue<Boolean> shown) {
        action.visibleProperty().bind(shown);
        action.managedProperty().bind(action.visibleProperty());
        actions.getChildren().add(actions.getChildren().size() - 1, action);
    }

    private void show(Notice notice) {
        getStyleClass().removeAll("success", "warning", "error");
        setVisible(notice != null);
        if (notice == null) {
            text.setText("");
            return;
        }
        text.setText(notice.text());
        switch (notice.kind()) {
            case SUCCESS -> {
                getStyleClass().add("success");
                icon.setIconCode(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
            }
            case WARNING -> {
                getStyleClass().add("warning");
                icon.setIconCode(MaterialDesignA.ALERT_OUTLINE);
            }
            case ERROR -> {
                getStyleClass().add("error");
                icon.setIconCode(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            }
        }
    }
}
