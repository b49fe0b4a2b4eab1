package io.fleetdeck.views.thing;

import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.views.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The thing's registry entry beside its shadows: connectivity, attributes, groups and certificates, rebuilt whenever
 * the thing is read. JavaFX thread only.
 */
final class ThingSummary {

    private final ThingViewModel model;
    private final VBox connectivity = section();
    private final GridPane registry = grid();
    private final ThingAttributeSheet attributes;
    private final VBox groups = section();
    private final VBox certificates = section();
    private final ScrollPane root;
    private final Label since = muted("");
    private final Label lastSeen = muted("");

    ThingSummary(ThingViewModel model) {
        this.model = model;
        attributes = new ThingAttributeSheet(model, this::window);
        VBox column = new VBox(
                18,
                titled(Texts.get("thing.summary.connectivity"), MaterialDesignL.LAN_CONNECT, connectivity),
                titled(
                        Texts.get("thing.summary.attributes"),
                        MaterialDesignT.TAG_OUTLINE,
                        new VBox(6, registry, attributes.node())),
                titled(Texts.get("thing.summary.groups"), MaterialDesignF.FILE_TREE, groups),
                titled(Texts.get("thing.summary.certificates"), MaterialDesignC.CERTIFICATE_OUTLINE, certificates));
        column.getStyleClass().add("thing-summary");
        root = new ScrollPane(column);
        root.setId("thing-summary");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("thing-summary-scroll");
        model.detailProperty().subscribe(this::show);
        since.setId("thing-connectivity-since");
        lastSeen.setId("thing-last-seen");
        since.textProperty().bind(model.connectivitySinceText());
        lastSeen.textProperty().bind(model.lastSeenText());
        lastSeen.visibleProperty().bind(model.lastSeenText().isNotEmpty());
        lastSeen.managedProperty().bind(lastSeen.visibleProperty());
    }

    Node node() {
        return root;
    }

    private void show(ThingDetail thing) {
        if (thing == null) {
            return;
        }
        showConnectivity(thing.connectivity());

        registry.getChildren().clear();
        registry.addRow(
                0,
                name(Texts.get("thing.summary.type")),
                value(thing.thingType() == null ? Texts.get("thing.summary.noType") : thing.thingType(), null));
        Label version = value(String.valueOf(thing.version()), null);
        version.setId("thing-registry-version");
        registry.addRow(1, name(Texts.get("thing.summary.registryVersion")), version);

        groups.getChildren().clear();
        thing.groups().forEach(group -> groups.getChildren().add(value(group, "thing-group")));
        if (thing.groups().isEmpty()) {
            groups.getChildren().add(muted(Texts.get("thing.summary.noGroup")));
        }

        certificates.getChildren().clear();
        for (ThingDetail.Certificate certificate : thing.certificates()) {
            Label id = value(certificate.shortId(), "thing-certificate-id");
            id.setTooltip(new Tooltip(certificate.id()));
            Label status = new Label(statusText(certificate.status()));
            status.getStyleClass().addAll("thing-certificate-status", statusStyle(certificate.status()));
            status.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(10, id, status);
            line.setAlignment(Pos.CENTER_LEFT);
            certificates.getChildren().add(line);
        }
        if (thing.certificates().isEmpty()) {
            certificates.getChildren().add(muted(Texts.get("thing.summary.noCertificate")));
        }
    }

    private @Nullable Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showConnectivity(ThingDetail.@Nullable Connectivity state) {
        connectivity.getChildren().clear();
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label headline;
        if (state == null) {
            headline = new Label(Texts.get("thing.summary.neverConnected"), dot);
            headline.getStyleClass().add("thing-offline");
            connectivity.getChildren().add(headline);
            connectivity.getChildren().add(muted(Texts.get("thing.summary.neverConnected.text")));
            return;
        }
        headline = new Label(Texts.get(state.connected() ? "thing.connected" : "thing.offline"), dot);
        headline.setId("thing-connectivity");
        headline.getStyleClass().add(state.connected() ? "thing-connected" : "thing-offline");
        connectivity.getChildren().add(headline);
        connectivity.getChildren().addAll(since, lastSeen);
        if (!state.connected() && state.disconnectReason() != null) {
            Label reason = value(Texts.get("thing.summary.lastDisconnect", state.disconnectReason()), null);
            reason.setId("thing-disconnect-reason");
            reason.setWrapText(true);
            connectivity.getChildren().add(reason);
        }
    }

    static String statusText(String status) {
        return switch (status) {
            case "ACTIVE" -> Texts.get("thing.certificate.active");
            case "INACTIVE" -> Texts.get("thing.certificate.inactive");
            case "REVOKED" -> Texts.get("thing.certificate.revoked");
            case "PENDING_ACTIVATION" -> Texts.get("thing.certificate.pendingActivation");
            case "PENDING_TRANSFER" -> Texts.get("thing.certificate.pendingTransfer");
            default -> status;
        };
    }

    private static String statusStyle(String status) {
        return switch (status) {
            case "ACTIVE" -> "status-active";
            case "REVOKED" -> "status-revoked";
            default -> "status-inactive";
        };
    }

    private static Node titled(String title, Ikon ikon, Node content) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("thing-section-icon");
        Label heading = new Label(title, icon);
        heading.getStyleClass().add("thing-section-heading");
        return new VBox(6, heading, content);
    }

    private static VBox section() {
        return new VBox(4);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setMaxWidth(180);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(60);
        grid.getColumnConstraints().setAll(names, values);
        grid.setId("thing-registry");
        return grid;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("thing-detail-name");
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setTooltip(new Tooltip(text));
        return label;
    }

    private static Label value(String text, @Nullable String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add("thing-detail-value");
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        // values wrap rather than lose their middle: an attribute's value is up to 800 characters
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("thing-muted");
        label.setWrapText(true);
        return label;
    }
}
