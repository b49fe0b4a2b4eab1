package io.fleetdeck.views.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerDark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view's notice in ControlsFX's notification pane, in a real window (Xvfb in CI), as the console styles it. */
@ExtendWith(ApplicationExtension.class)
class NoticePaneTest {

    private static final String CONFLICT = "Version conflict (409): the shadow changed after version 4 was loaded, so"
            + " nothing was sent. Reload to see the current document; your edits stay in the editor.";

    /** Set before the pane is in a window: it shows once ControlsFX has built the bar. */
    private final SimpleObjectProperty<Notice> notice = new SimpleObjectProperty<>(Notice.warning("Reloaded."));

    private NotificationPane pane;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        NoticePane notices = new NoticePane("notice", new Region(), notice, () -> notice.set(null));
        Action reload = NoticePane.action("Reload", MaterialDesignR.REFRESH, () -> {});
        reload.getStyleClass().add("notice-reload");
        notices.addAction(
                reload, notice.map(shown -> shown.kind() == Notice.Kind.ERROR).orElse(false));
        pane = notices.node();
        Scene scene = new Scene(pane, 560, 300);
        scene.getStylesheets()
                .add(Objects.requireNonNull(getClass().getResource("/io/fleetdeck/views/console.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNoticeThereBeforeTheWindowShowsWithItsKind(FxRobot robot) {
        await().atMost(Duration.ofSeconds(2)).until(pane::isShowing);

        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).isEqualTo("Reloaded.");
        assertThat(pane.getStyleClass()).contains("warning");
    }

    @Test
    void aLongRefusalWrapsInsteadOfEndingInAnEllipsis(FxRobot robot) {
        robot.interact(() -> notice.set(Notice.error(CONFLICT)));
        Label text = robot.lookup("#notice-text").queryAs(Label.class);

        assertThat(pane.getStyleClass()).contains("error").doesNotContain("warning");
        assertThat(text.getText()).isEqualTo(CONFLICT);
        Button reload = robot.lookup("#notice .notice-reload").queryButton();
        assertThat(reload.getText()).isEqualTo("Reload");
        assertThat(reload.getGraphic())
                .as("the action's icon, copied into its button")
                .isNotNull();
        // once laid out (the window's next pulse)
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(text.isTextTruncated()).isFalse();
            assertThat(text.getHeight())
                    .as("more than one line")
                    .isGreaterThan(2 * text.getFont().getSize());
        });
        assertThat(text.getAccessibleText()).isEqualTo("Error: " + CONFLICT);
    }

    @Test
    void inTheDarkThemeTheBarIsDarkAndItsWordsLight(FxRobot robot) throws Exception {
        Label text = robot.lookup("#notice-text").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(2)).until(() -> text.getOpacity() == 1.0);

        WritableImage shot =
                WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get();
        Bounds words = text.localToScene(text.getBoundsInLocal());
        // in the bar's left padding, before the icon
        Color band = shot.getPixelReader().getColor(4, (int) words.getMinY() + 2);
        assertThat(band.getBrightness())
                .as("ControlsFX's own light grey would be near 0.8: %s", band)
                .isLessThan(0.35);
        assertThat(((Color) text.getTextFill()).getBrightness())
                .as("the theme's text colour, not ControlsFX's #292929")
                .isGreaterThan(0.7);
    }

    @Test
    void aGermanConsoleSaysTheKindAndTheCloseButtonInGerman(FxRobot robot) {
        Locale before = Locale.getDefault();
        SimpleObjectProperty<Notice> german = new SimpleObjectProperty<>(Notice.error("Abgelehnt."));
        List<Stage> windows = new ArrayList<>();
        try {
            robot.interact(() -> {
                // before the pane is built: its words are taken as it is made
                Locale.setDefault(Locale.GERMAN);
                Stage window = new Stage();
                windows.add(window);
                window.setScene(new Scene(
                        new NoticePane("notice-de", new Region(), german, () -> german.set(null)).node(), 400, 200));
                window.show();
            });
            Label text = robot.lookup("#notice-de-text").queryAs(Label.class);
            await().atMost(Duration.ofSeconds(2)).until(() -> text.getOpacity() == 1.0);

            assertThat(text.getAccessibleText()).isEqualTo("Fehler: Abgelehnt.");
            Button close = robot.lookup("#notice-de-dismiss").queryButton();
            assertThat(close.getAccessibleText()).isEqualTo("Schließen");
            assertThat(close.getTooltip().getText()).isEqualTo("Schließen");
        } finally {
            Locale.setDefault(before);
            robot.interact(() -> windows.forEach(Stage::close));
        }
    }

    @Test
    void theCloseButtonDismissesTheNotice(FxRobot robot) {
        await().atMost(Duration.ofSeconds(2)).until(pane::isShowing);
        Button close = robot.lookup("#notice-dismiss").queryButton();
        assertThat(close.getAccessibleText()).isEqualTo("Dismiss");

        robot.clickOn(close);

        await().atMost(Duration.ofSeconds(2)).until(() -> !pane.isShowing());
        assertThat(notice.get()).isNull();
    }
}
