package io.fleetdeck.views.common;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.controlsfx.tools.Duplicatable;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A view's {@link Notice} in ControlsFX's notification pane over the view's content: it slides in with the notice,
 * green with a tick when the action went through, amber for a warning, red with the service's reason when it did not,
 * and slides away when the notice is gone or the user closes it (which dismisses the notice). Extra actions (e.g.
 * Reload after a version conflict) sit before the close button. JavaFX thread only.
 */
public final class NoticePane {

    /** Below this the text would stand a word to a line: it is cut off rather. */
    private static final double MIN_TEXT_WIDTH = 160;

    private final NotificationPane pane;
    /** Holds the content: while a notice shows, its top padding is the bar's height, so the bar never covers it. */
    private final StackPane below;

    private final ObservableValue<Notice> notice;
    private final FontIcon icon = new FontIcon();

    /**
     * @param idPrefix the pane's id; its parts are {@code PREFIX-text} and {@code PREFIX-dismiss}, so tests find them
     */
    public NoticePane(String idPrefix, Node content, ObservableValue<Notice> notice, Runnable dismiss) {
        this.notice = notice;
        below = new StackPane(content);
        pane = new NotificationPane(below);
        pane.setId(idPrefix);
        // a frame around the view, not a stop of its own: Tab goes to what it holds
        pane.setFocusTraversable(false);
        pane.getStyleClass().add("notice-pane");
        pane.setShowFromTop(true);
        icon.getStyleClass().add("notice-icon");
        pane.setGraphic(icon);
        // the close button hides the pane: that is the user dismissing the notice
        pane.showingProperty().addListener((property, was, showing) -> {
            if (!showing && notice.getValue() != null) {
                dismiss.run();
            }
        });
        pane.skinProperty().subscribe(skin -> {
            if (skin != null) {
                fitBar(idPrefix);
                showOrHide();
            }
        });
        notice.subscribe(this::show);
    }

    public NotificationPane node() {
        return pane;
    }

    /** An action for the bar, with an icon: each button ControlsFX makes from it gets a copy of the icon. */
    public static Action action(String text, Ikon icon, Runnable run) {
        Action action = new Action(text, event -> run.run());
        action.setGraphic(new CopyableIcon(icon));
        return action;
    }

    /** Puts {@code action} before the close button while {@code shown} is true. */
    public void addAction(Action action, ObservableValue<Boolean> shown) {
        shown.subscribe(show -> {
            pane.getActions().remove(action);
            if (show) {
                pane.getActions().add(action);
            }
        });
    }

    private void show(@Nullable Notice shown) {
        pane.getStyleClass().removeAll("success", "warning", "error");
        if (shown != null) {
            pane.setText(shown.text());
            switch (shown.kind()) {
                case SUCCESS -> icon.setIconCode(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
                case WARNING -> icon.setIconCode(MaterialDesignA.ALERT_OUTLINE);
                case ERROR -> icon.setIconCode(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            }
            pane.getStyleClass().add(kindName(shown.kind()));
        }
        textLabel().ifPresent(this::describe);
        showOrHide();
    }

    /** Before the pane has its skin there is no bar to slide in: it shows the notice once the skin is there. */
    private void showOrHide() {
        boolean wanted = notice.getValue() != null;
        if (pane.getSkin() == null || pane.isShowing() == wanted) {
            return;
        }
        if (wanted) {
            pane.show();
        } else {
            pane.hide();
        }
    }

    /**
     * ControlsFX draws the bar over the top of the content; the content makes room for it instead, so a notice never
     * hides a tab or a button. It moves at once, as the bar starts to slide, not along with it: what the user is about
     * to click does not glide away under the pointer. The bar's parts get ids, words for screen readers and the
     * theme's close button.
     */
    private void fitBar(String idPrefix) {
        Region bar = (Region) pane.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("notification-bar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ControlsFX's notification pane has no bar"));
        Label text = textLabel()
                .orElseThrow(() -> new IllegalStateException("ControlsFX's notification bar has no text label"));
        text.setId(idPrefix + "-text");
        wrapInto(bar, text);
        describe(text);
        // the bar's minimum height is its full height; its height grows from 0 to that as it slides in
        below.paddingProperty()
                .bind(Bindings.createObjectBinding(
                        () -> new Insets(pane.isShowing() ? bar.minHeight(-1) : 0, 0, 0, 0),
                        pane.showingProperty(),
                        bar.widthProperty(),
                        pane.textProperty(),
                        pane.getActions(),
                        text.minHeightProperty()));
        if (bar.lookup(".close-button") instanceof Button close) {
            close.setId(idPrefix + "-dismiss");
            close.setTooltip(new Tooltip(Texts.get("shell.notice.dismiss")));
            close.setAccessibleText(Texts.get("shell.notice.dismiss"));
        }
    }

    /**
     * ControlsFX sizes the bar for the text on one line, so a long refusal would end in "…". Told the room it really
     * has (the bar less its actions and close button) and the height its words take there, the text wraps instead.
     */
    private static void wrapInto(Region bar, Label label) {
        if (!(label.getParent() instanceof GridPane grid)) {
            return;
        }
        label.setWrapText(true);
        DoubleBinding room = Bindings.createDoubleBinding(
                () -> {
                    double others = grid.getChildren().stream()
                            .filter(child -> child != label && child.isManaged())
                            .mapToDouble(child -> child.prefWidth(-1) + grid.getHgap() + sideMargins(child))
                            .sum();
                    Insets insets = grid.getInsets();
                    return Math.max(MIN_TEXT_WIDTH, bar.getWidth() - others - insets.getLeft() - insets.getRight());
                },
                bar.widthProperty(),
                grid.getChildren(),
                grid.insetsProperty());
        label.prefWidthProperty().bind(room);
        // the height its words take in the width the bar finally gives it (the actions' buttons take theirs first)
        label.minHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> label.getWidth() > 0 ? label.prefHeight(label.getWidth()) : Region.USE_COMPUTED_SIZE,
                        label.widthProperty(),
                        label.textProperty(),
                        label.fontProperty(),
                        label.graphicTextGapProperty(),
                        label.insetsProperty()));
    }

    private static double sideMargins(Node child) {
        Insets margin = GridPane.getMargin(child);
        return margin == null ? 0 : margin.getLeft() + margin.getRight();
    }

    /** A screen reader hears the kind before the words, which the colour and the icon show to the eye. */
    private void describe(Label label) {
        Notice shown = notice.getValue();
        label.setAccessibleText(shown == null ? null : spoken(shown));
    }

    private static String spoken(Notice notice) {
        return switch (notice.kind()) {
            case SUCCESS -> Texts.get("shell.notice.success", notice.text());
            case WARNING -> Texts.get("shell.notice.warning", notice.text());
            case ERROR -> Texts.get("shell.notice.error", notice.text());
        };
    }

    /** The label ControlsFX shows the text in: the bar's one plain label. */
    private Optional<Label> textLabel() {
        return pane.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("notification-bar"))
                .flatMap(bar -> bar.lookupAll(".label").stream())
                .filter(node -> node instanceof Label && !node.getStyleClass().contains("title"))
                .map(Label.class::cast)
                .findFirst();
    }

    private static String kindName(Notice.Kind kind) {
        return switch (kind) {
            case SUCCESS -> "success";
            case WARNING -> "warning";
            case ERROR -> "error";
        };
    }

    /** ControlsFX copies an action's graphic into each button it makes, but only what it knows how to copy. */
    private static final class CopyableIcon extends FontIcon implements Duplicatable<CopyableIcon> {

        CopyableIcon(Ikon icon) {
            super(icon);
        }

        @Override
        public CopyableIcon duplicate() {
            return new CopyableIcon(getIconCode());
        }
    }
}
