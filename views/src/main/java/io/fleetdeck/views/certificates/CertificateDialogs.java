package io.fleetdeck.views.certificates;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.Texts;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The questions the Certificates section asks before it acts, owned by its window. JavaFX thread only. */
final class CertificateDialogs {

    private final Supplier<Optional<Window>> owner;

    CertificateDialogs(Supplier<Optional<Window>> owner) {
        this.owner = owner;
    }

    /** Asks before revoking; the answer names the certificate and says it is final. */
    boolean confirmRevoke(CertificateRow row) {
        ButtonType revoke = new ButtonType(Texts.get("certificates.revoke.button"), ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle(Texts.get("certificates.revoke.title"));
        alert.setHeaderText(Texts.get("certificates.revoke.header", CertificateActionsModel.label(row)));
        Label id = new Label(row.id());
        id.setId("revoke-confirmation-id");
        id.getStyleClass().add("cert-id");
        id.setWrapText(true);
        Label consequence = new Label(Texts.get("certificates.revoke.text"));
        consequence.setId("revoke-confirmation-text");
        consequence.setWrapText(true);
        VBox content = new VBox(10, id, consequence);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(640);
        alert.getDialogPane().getStylesheets().add(CertificatesView.STYLESHEET);
        alert.getButtonTypes().setAll(revoke, ButtonType.CANCEL);
        Button revokeButton = (Button) alert.getDialogPane().lookupButton(revoke);
        revokeButton.setId("confirm-revoke");
        revokeButton.getStyleClass().add(Styles.DANGER);
        revokeButton.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        owner.get().ifPresent(alert::initOwner);
        return alert.showAndWait().filter(revoke::equals).isPresent();
    }

    /** Asks for the name of the thing a certificate is issued for; empty when cancelled. */
    Optional<String> askThingName() {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle(Texts.get("certificates.issue.title"));
        ask.setHeaderText(Texts.get("certificates.issue.header"));
        ask.setContentText(Texts.get("certificates.issue.content"));
        ask.getEditor().setId("issue-thing-name");
        ask.getEditor().setPrefColumnCount(28);
        Label explanation = new Label(Texts.get("certificates.issue.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(480);
        explanation.getStyleClass().add("cert-dialog-text");
        HBox name = new HBox(8, new Label(Texts.get("certificates.issue.name")), ask.getEditor());
        name.setAlignment(Pos.CENTER_LEFT);
        ask.getDialogPane().setContent(new VBox(12, explanation, name));
        ask.getDialogPane().getStylesheets().add(CertificatesView.STYLESHEET);
        Button next = (Button) ask.getDialogPane().lookupButton(ButtonType.OK);
        next.setText(Texts.get("certificates.issue.next"));
        next.disableProperty().bind(ask.getEditor().textProperty().map(String::isBlank));
        owner.get().ifPresent(ask::initOwner);
        return ask.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }
}
