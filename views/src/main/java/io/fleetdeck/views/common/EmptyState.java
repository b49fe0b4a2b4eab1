package io.fleetdeck.views.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The centred panel a view shows when it has nothing to list: an icon, a headline and a sentence that says why and
 * what to do. Never fake data in its place. A small table or list says it in one line ({@link #line}), in the same
 * muted text, so every empty place in the console reads alike.
 */
public final class EmptyState extends VBox {

    private final Label text = new Label();

    public EmptyState(Ikon icon, String headline, String explanation, String footnote) {
        this(explanation);
        FontIcon picture = new FontIcon(icon);
        picture.getStyleClass().add("empty-state-icon");

        Label title = new Label(headline);
        title.getStyleClass().add("empty-state-title");

        Label note = new Label(footnote);
        note.getStyleClass().add("empty-state-footnote");
        note.setWrapText(true);
        note.setMaxWidth(520);

        getChildren().addFirst(title);
        getChildren().addFirst(picture);
        getChildren().add(note);
    }

    private EmptyState(String explanation) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setFillWidth(false);
        text.setText(explanation);
        text.getStyleClass().add("empty-state-text");
        text.setWrapText(true);
        text.setMaxWidth(520);
        getChildren().add(text);
    }

    /** The one-line kind, for a small table or list with nothing in it. */
    public static EmptyState line(String explanation) {
        EmptyState state = new EmptyState(explanation);
        state.getStyleClass().add("empty-state-line");
        return state;
    }

    /** Says something else, as when what is empty changes its kind. */
    public void setExplanation(String explanation) {
        text.setText(explanation);
    }
}
