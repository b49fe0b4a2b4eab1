package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An error nobody caught, thrown on the JavaFX thread or another one, in a real window (Xvfb in CI): the dialog says
 * what happened and where the log is, copies the details, counts repeats instead of stacking dialogs, and the window
 * behind it keeps working.
 */
@ExtendWith(ApplicationExtension.class)
class CrashDialogTest {

    private static final String LOG = "/srv/fleetdeck/north-harbour/logs/fleetdeck.log";

    private final AtomicInteger clicks = new AtomicInteger();
    private final AtomicBoolean quit = new AtomicBoolean();
    private Thread.UncaughtExceptionHandler before;
    private Locale localeBefore;
    private UncaughtErrors errors;

    @Start
    void start(Stage stage) {
        Button counter = new Button("Count");
        counter.setId("counter");
        counter.setOnAction(event -> clicks.incrementAndGet());
        stage.setScene(new Scene(counter, 400, 200));
        stage.show();
        errors = new UncaughtErrors(
                Clock.fixed(Instant.parse("2026-12-07T19:02:00Z"), ZoneOffset.UTC),
                "0.1.0-test",
                LOG,
                stage,
                () -> quit.set(true));
    }

    @BeforeEach
    void handleUncaughtErrors() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        localeBefore = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Thread.setDefaultUncaughtExceptionHandler(errors);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
        Locale.setDefault(localeBefore);
    }

    @Test
    void anErrorOnTheJavaFxThreadIsShownCopiedAndCountedAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("shadow tree lost its root");
        });
        CrashDialog dialog = awaitDialog();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Something went wrong");
        assertThat(labelTexts(robot))
                .anyMatch(text -> text.equals("IllegalStateException: shadow tree lost its root"))
                .anyMatch(text -> text.contains("keeps running") && text.contains(LOG));

        robot.clickOn("Copy details");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied)
                .contains("Fleetdeck 0.1.0-test", "Thread JavaFX Application Thread at 2026-12-07T19:02:00Z")
                .contains("java.lang.IllegalStateException: shadow tree lost its root", "at ")
                .contains(LOG);
        assertThat(errors.openDialog()).as("copying does not close the dialog").isSameAs(dialog);

        for (int i = 0; i < 3; i++) {
            Platform.runLater(() -> {
                throw new IllegalStateException("shadow tree lost its root");
            });
        }
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> dialog.times() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelTexts(robot)).contains("It happened 4 times.");
        assertThat(robot.lookup(".dialog-pane").queryAll()).hasSize(1);
        DialogPane shown = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Screenshot.of(shown.getScene(), java.nio.file.Path.of("target", "screenshots", "crash-dialog.png"));

        robot.clickOn("Keep working");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors.openDialog()).isNull();
        robot.clickOn("#counter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicks).hasValue(1);
        assertThat(quit).isFalse();
    }

    @Test
    void anErrorOnABackgroundThreadOpensTheDialogToo(FxRobot robot) throws Exception {
        Thread worker = new Thread(
                () -> {
                    throw new IllegalArgumentException("index folder vanished");
                },
                "fleet-indexer");
        worker.start();
        worker.join();
        CrashDialog dialog = awaitDialog();
        assertThat(dialog.times()).isEqualTo(1);
        assertThat(labelTexts(robot)).contains("IllegalArgumentException: index folder vanished");
        closeDialog();
    }

    @Test
    void anErrorOfTheRuntimeItselfAdvisesARestartAndQuitIsTheDefault(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        awaitDialog();
        assertThat(labelTexts(robot)).anyMatch(text -> text.contains("restart Fleetdeck"));
        Button quitButton = robot.lookup("Quit Fleetdeck").queryButton();
        assertThat(quitButton.isDefaultButton()).isTrue();
        robot.clickOn(quitButton);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quit).isTrue();
    }

    private CrashDialog awaitDialog() throws Exception {
        await().dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> onFx(() -> errors.openDialog() != null));
        return onFx(() -> errors.openDialog());
    }

    private void closeDialog() throws Exception {
        onFx(() -> {
            Stage dialogStage = (Stage) Stage.getWindows().stream()
                    .filter(window -> window.getScene().getRoot() instanceof DialogPane)
                    .findFirst()
                    .orElseThrow();
            dialogStage.close();
            return dialogStage;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(work));
    }

    private static java.util.List<String> labelTexts(FxRobot robot) {
        return robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }
}
