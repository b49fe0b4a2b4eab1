package io.fleetdeck.views.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The centred panel a view shows when it has nothing to list: an icon, a headline and a sentence that says why and
 * what to do. Never fake data in its place.
 */
public final class EmptyState extends VBox {

    public EmptyState(Ikon icon, String headline, String explanation, String footnote) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setFillWidth(false);

        FontIcon picture = new FontIcon(icon);
        picture.getStyleClass().add("empty-state-icon");

        Label title = new Label(headline);
        title.getStyleClass().add("empty-state-title");

        Label text = new Label(explanation);
        text.getStyleClass().add("empty-state-text");
        text.setWrapText(true);
        text.setMaxWidth(520);

        Label note = new Label(footnote);
        note.getStyleClass().add("empty-state-footnote");
        note.setWrapText(true);
        note.setMaxWidth(520);

        getChildren().addAll(picture, title, text, note);
    }
}
