package io.fleetdeck.views.certificates;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Under the certificate list, two cards: the selected certificate with what can be done to it (state, policies), and
 * the policy simulator that tries its policies on one request. JavaFX thread only.
 */
final class CertificatePanel {

    private final CertificatesViewModel model;
    private final CertificateActionsModel actions;
    private final PolicySimulationModel simulator;
    private final Predicate<CertificateRow> confirmRevoke;

    private final Label id = value("cert-detail-id");
    private final Label thing = value("cert-detail-thing");
    private final Label status = value("cert-detail-status");
    private final Label expires = value("cert-detail-expires");
    private final Label lastSeen = value("cert-detail-last-seen");
    private final Label policies = value("cert-detail-policies");
    private final Tooltip idTooltip = new Tooltip();
    private final Tooltip thingTooltip = new Tooltip();
    private final Tooltip policiesTooltip = new Tooltip();

    CertificatePanel(
            CertificatesViewModel model,
            CertificateActionsModel actions,
            PolicySimulationModel simulator,
            Predicate<CertificateRow> confirmRevoke) {
        this.model = model;
        this.actions = actions;
        this.simulator = simulator;
        this.confirmRevoke = confirmRevoke;
        model.selectedCertificateProperty().subscribe(this::show);
        model.revisionProperty()
                .subscribe(() -> show(model.selectedCertificateProperty().get()));
    }

    /** The selected certificate and its actions; a hint while none is selected. */
    Node certificateCard() {
        VBox details = new VBox(10, detailGrid(), actions());
        details.visibleProperty().bind(model.selectedCertificateProperty().isNotNull());

        Label hint = hint("cert-panel-hint", Texts.get("certificates.card.hint"));
        hint.visibleProperty().bind(details.visibleProperty().not());

        return card(
                "cert-card",
                Texts.get("certificates.card.certificate"),
                MaterialDesignC.CERTIFICATE_OUTLINE,
                new StackPane(hint, details),
                null);
    }

    /** The policy simulator for the selected certificate. */
    Node simulatorCard() {
        TextField clientId = new TextField();
        clientId.setId("sim-client-id");
        clientId.setAccessibleText(Texts.get("certificates.sim.clientId"));
        clientId.textProperty().bindBidirectional(simulator.simulationClientIdProperty());

        ComboBox<String> action = new ComboBox<>();
        action.getItems().setAll(CertificateService.SIMULATED_ACTIONS);
        action.setId("sim-action");
        action.valueProperty().bindBidirectional(simulator.simulationActionProperty());
        action.setMinWidth(Region.USE_PREF_SIZE);

        TextField resource = new TextField();
        resource.setId("sim-resource");
        resource.textProperty().bindBidirectional(simulator.simulationResourceProperty());
        resource.promptTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> examples(
                                simulator.simulationActionProperty().get(),
                                simulator.simulationClientIdProperty().get()),
                        simulator.simulationActionProperty(),
                        simulator.simulationClientIdProperty()));
        resource.setOnAction(event -> simulator.simulate());
        Label resourceName = name("");
        resourceName
                .textProperty()
                .bind(simulator
                        .simulationActionProperty()
                        .map(a -> capitalised(PolicySimulationModel.resourceName(a))));

        Button run = new Button(Texts.get("certificates.sim.run"), new FontIcon(MaterialDesignP.PLAY));
        run.setId("sim-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(simulator.canSimulate().not());
        run.setOnAction(event -> simulator.simulate());

        GridPane grid = grid();
        grid.addRow(0, name(Texts.get("certificates.sim.clientId")), clientId);
        grid.addRow(1, name(Texts.get("certificates.sim.action")), action);
        grid.addRow(2, resourceName, resource);

        Label verdict = new Label();
        verdict.setId("sim-verdict");
        verdict.getStyleClass().add("sim-verdict");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Label explanation = new Label();
        explanation.setId("sim-explanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("sim-explanation");
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        VBox result = new VBox(6, verdict, explanation);
        result.getStyleClass().add("sim-result");
        simulator.simulationProperty().subscribe(answer -> {
            verdict.getStyleClass().removeAll("allow", "deny");
            result.getStyleClass().removeAll("allow", "deny");
            if (answer == null) {
                verdict.setText("");
                explanation.setText("");
            } else {
                String kind = answer.allowed() ? "allow" : "deny";
                verdict.setText(Texts.get(answer.allowed() ? "certificates.sim.allow" : "certificates.sim.deny"));
                verdict.getStyleClass().add(kind);
                result.getStyleClass().add(kind);
                explanation.setText(answer.explanation());
            }
        });
        result.visibleProperty().bind(simulator.simulationProperty().isNotNull());
        result.managedProperty().bind(result.visibleProperty());

        VBox form = new VBox(10, grid, result);
        form.visibleProperty().bind(model.selectedCertificateProperty().isNotNull());
        Label hint = hint("sim-hint", Texts.get("certificates.sim.hint"));
        hint.visibleProperty().bind(form.visibleProperty().not());
        run.visibleProperty().bind(form.visibleProperty());
        return card(
                "sim-card",
                Texts.get("certificates.sim.title"),
                MaterialDesignS.SHIELD_CHECK_OUTLINE,
                new StackPane(hint, form),
                run);
    }

    private Node detailGrid() {
        Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("cert-copy-id");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip(Texts.get("certificates.copyId")));
        copy.setAccessibleText(Texts.get("certificates.copyId"));
        copy.setOnAction(event -> {
            CertificateRow row = model.selectedCertificateProperty().get();
            if (row != null) {
                ClipboardContent text = new ClipboardContent();
                text.putString(row.id());
                Clipboard.getSystemClipboard().setContent(text);
            }
        });
        id.getStyleClass().add("cert-id");
        id.setWrapText(false);
        id.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        id.setTooltip(idTooltip);
        HBox idRow = new HBox(2, id, copy);
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(id, Priority.ALWAYS);
        thing.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        thing.setWrapText(false);
        thing.setTooltip(thingTooltip);
        policies.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        policies.setWrapText(false);
        policies.setTooltip(policiesTooltip);
        status.setWrapText(false);
        lastSeen.setWrapText(false);
        // the status column gives way instead: a longer name beside it (German) must not cut the time off
        lastSeen.setMinWidth(Region.USE_PREF_SIZE);

        GridPane grid = grid();
        ColumnConstraints statusColumn = new ColumnConstraints();
        statusColumn.setPrefWidth(130);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints seen = new ColumnConstraints();
        seen.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().set(1, statusColumn);
        grid.getColumnConstraints().addAll(names, seen);
        grid.add(name(Texts.get("certificates.detail.id")), 0, 0);
        grid.add(idRow, 1, 0, 3, 1);
        grid.add(name(Texts.get("certificates.column.thing")), 0, 1);
        grid.add(thing, 1, 1, 3, 1);
        grid.addRow(
                2,
                name(Texts.get("certificates.column.status")),
                status,
                name(Texts.get("certificates.column.lastSeen")),
                lastSeen);
        grid.add(name(Texts.get("certificates.column.expires")), 0, 3);
        grid.add(expires, 1, 3, 3, 1);
        grid.add(name(Texts.get("certificates.column.policies")), 0, 4);
        grid.add(policies, 1, 4, 3, 1);
        return grid;
    }

    private Node actions() {
        Button activate =
                new Button(Texts.get("certificates.activate"), new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        activate.setId("cert-activate");
        activate.disableProperty().bind(actions.canActivate().not());
        activate.setOnAction(event -> actions.activate());

        Button deactivate =
                new Button(Texts.get("certificates.deactivate"), new FontIcon(MaterialDesignP.PAUSE_CIRCLE_OUTLINE));
        deactivate.setId("cert-deactivate");
        deactivate.disableProperty().bind(actions.canDeactivate().not());
        deactivate.setOnAction(event -> actions.deactivate());

        Button revoke = new Button(Texts.get("certificates.revoke"), new FontIcon(MaterialDesignC.CANCEL));
        revoke.setId("cert-revoke");
        revoke.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        revoke.disableProperty().bind(actions.canRevoke().not());
        revoke.setOnAction(event -> {
            CertificateRow row = model.selectedCertificateProperty().get();
            if (row != null && confirmRevoke.test(row)) {
                actions.revoke();
            }
        });

        ComboBox<String> choice = new ComboBox<>(model.policyNames());
        choice.setId("cert-policy-choice");
        choice.setPromptText(Texts.get("certificates.policyChoice"));
        choice.valueProperty().bindBidirectional(model.policyChoiceProperty());
        choice.setPrefWidth(180);
        Button attach = new Button(Texts.get("certificates.attach"), new FontIcon(MaterialDesignL.LINK_VARIANT));
        attach.setId("cert-attach");
        attach.disableProperty().bind(actions.canAttach().not());
        attach.setOnAction(event -> actions.attachChosenPolicy());
        Button detach = new Button(Texts.get("certificates.detach"), new FontIcon(MaterialDesignL.LINK_VARIANT_OFF));
        detach.setId("cert-detach");
        detach.disableProperty().bind(actions.canDetach().not());
        detach.setOnAction(event -> actions.detachChosenPolicy());
        // one flow, so a narrow card wraps button by button; the policy row starts a line of its own when it fits
        FlowPane rows = new FlowPane(8, 8, activate, deactivate, revoke, choice, attach, detach);
        rows.setAlignment(Pos.CENTER_LEFT);
        return rows;
    }

    private void show(CertificateRow row) {
        if (row == null) {
            return;
        }
        id.setText(row.id());
        idTooltip.setText(row.id());
        String things = row.things().isEmpty()
                ? Texts.get(
                        row.provisioningClaim() ? "certificates.detail.noThingClaim" : "certificates.detail.noThing")
                : String.join(", ", row.things());
        thing.setText(things);
        thingTooltip.setText(things + "\n" + Texts.get("certificates.commonName", row.commonName()));
        status.setText(CertificatesView.statusText(row));
        status.getStyleClass().removeAll("status-active", "status-revoked", "status-inactive");
        status.getStyleClass().add(CertificatesView.statusStyle(row));
        expires.setText(Formats.validity(row.notAfter(), model.now(), model.zone()));
        expires.getStyleClass().removeAll("expiry-warning", "expiry-danger");
        String expiry = model.expiryOf(row.notAfter()).styleClass();
        if (!expiry.isEmpty()) {
            expires.getStyleClass().add(expiry);
        }
        lastSeen.setText(
                row.lastSeen() == null
                        ? Texts.get("certificates.detail.neverConnected")
                        : Formats.dateTime(row.lastSeen(), model.zone()));
        String attached = row.policies().isEmpty()
                ? Texts.get("certificates.detail.noPolicy")
                : String.join(", ", row.policies());
        policies.setText(attached);
        policiesTooltip.setText(String.join("\n", row.policies().isEmpty() ? List.of(attached) : row.policies()));
    }

    /** A titled card; {@code action}, when there is one, sits at the right of the title. */
    private static Node card(String id, String title, Ikon ikon, Node content, @Nullable Node action) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("cert-card-icon");
        Label heading = new Label(title, icon);
        heading.getStyleClass().add("cert-card-heading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = action == null ? new HBox(heading) : new HBox(8, heading, gap, action);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setMinHeight(32);
        VBox box = new VBox(8, top, content);
        box.getStyleClass().add("cert-card");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("cert-card-scroll");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        scroll.setMaxWidth(Double.MAX_VALUE);
        scroll.setPrefWidth(400);
        scroll.setMinWidth(300);
        return scroll;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        // wide enough for the longest name, so the values do not move when the simulator's action changes
        names.setMinWidth(80);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(100);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }

    private static String examples(String action, String clientId) {
        String client = clientId == null || clientId.isBlank() ? "CLIENT" : clientId.strip();
        return switch (action == null ? "" : action) {
            case "Connect" -> Texts.get("certificates.sim.example.connect");
            case "Subscribe" -> Texts.get("certificates.sim.example", topic(client, "#"));
            default -> Texts.get("certificates.sim.example", topic(client, "telemetry"));
        };
    }

    /** An example topic of the client's, as the fleet's topic names go. */
    private static String topic(String client, String last) {
        return "dt/" + client + "/" + last;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Label hint(String id, String text) {
        Label hint = new Label(text);
        hint.setId(id);
        hint.setWrapText(true);
        hint.getStyleClass().add("cert-panel-hint");
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        return hint;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("cert-detail-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("cert-detail-value");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinWidth(0);
        return label;
    }
}
