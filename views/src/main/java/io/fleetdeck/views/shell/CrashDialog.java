package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * The dialog an uncaught error opens: what happened in one line, that the console keeps running (or, after an error
 * of the runtime itself, that it should be restarted), where the log is, the details to copy into a ticket, and a
 * count when the same error comes again while the dialog is open.
 */
final class CrashDialog {

    static final ButtonType COPY = new ButtonType(Texts.get("crash.copy"), ButtonData.LEFT);
    static final ButtonType KEEP_WORKING = new ButtonType(Texts.get("crash.keepWorking"), ButtonData.CANCEL_CLOSE);
    static final ButtonType QUIT = new ButtonType(Texts.get("crash.quit"), ButtonData.OK_DONE);

    private final Alert alert = new Alert(Alert.AlertType.ERROR);
    private final Label repeats = new Label();
    private final CrashReport report;
    private int times = 1;

    CrashDialog(@Nullable Window owner, CrashReport report, Runnable quit) {
        this.report = report;
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.initModality(Modality.NONE);
        alert.setTitle(Texts.get("crash.title"));
        alert.setHeaderText(Texts.get("crash.header"));
        alert.getDialogPane().setContent(summary());
        // without these the wrapped advice is cut to one line with an ellipsis
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(620);
        alert.getDialogPane().setExpandableContent(details());
        alert.getButtonTypes().setAll(COPY, KEEP_WORKING, QUIT);
        Button copy = (Button) alert.getDialogPane().lookupButton(COPY);
        copy.addEventFilter(ActionEvent.ACTION, event -> {
            // the dialog stays open: copying is not an answer to it
            event.consume();
            copyDetails();
            copy.setText(Texts.get("crash.copied"));
        });
        Button defaultButton = (Button) alert.getDialogPane().lookupButton(report.fatal() ? QUIT : KEEP_WORKING);
        defaultButton.setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(report.fatal() ? KEEP_WORKING : QUIT)).setDefaultButton(false);
        alert.resultProperty().addListener((property, before, answer) -> {
            if (answer == QUIT) {
                quit.run();
            }
        });
    }

    private VBox summary() {
        Label what = new Label(report.summary());
        what.setWrapText(true);
        what.getStyleClass().add("crash-summary");
        String next = report.fatal()
                ? Texts.get("crash.fatal", report.error().getClass().getSimpleName(), report.logFile())
                : Texts.get("crash.keepsRunning", report.logFile());
        Label advice = new Label(next);
        advice.setWrapText(true);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        repeats.setVisible(false);
        repeats.setManaged(false);
        VBox box = new VBox(8, what, advice, repeats);
        box.setMaxWidth(560);
        return box;
    }

    private VBox details() {
        TextArea text = new TextArea(report.details());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(14);
        text.setPrefColumnCount(80);
        text.setAccessibleText(Texts.get("crash.details"));
        VBox.setVgrow(text, Priority.ALWAYS);
        return new VBox(new Label(Texts.get("crash.details")), text);
    }

    void show() {
        alert.show();
    }

    boolean isShowing() {
        return alert.isShowing();
    }

    /** The same dialog counts another error instead of a second dialog covering the first. */
    void repeated() {
        times++;
        repeats.setText(Texts.get("crash.repeated", times));
        repeats.setVisible(true);
        repeats.setManaged(true);
        // the count adds a line: the dialog grows to show it rather than cutting off its buttons
        alert.getDialogPane().getScene().getWindow().sizeToScene();
    }

    int times() {
        return times;
    }

    private void copyDetails() {
        ClipboardContent content = new ClipboardContent();
        content.putString(report.details());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
