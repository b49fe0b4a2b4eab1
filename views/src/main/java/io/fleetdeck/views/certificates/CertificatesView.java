package io.fleetdeck.views.certificates;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.EmptyState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The Certificates section: device certificates with their state, expiry, things and policies, the CAs and the
 * policies with their documents; actions on the selected certificate and the policy simulator beside the list. Built
 * and updated on the JavaFX thread from {@link CertificatesViewModel}, {@link CertificateActionsModel} and
 * {@link PolicySimulationModel}.
 */
public final class CertificatesView {

    static final String STYLESHEET = Objects.requireNonNull(
                    CertificatesView.class.getResource("/io/fleetdeck/views/console.css"))
            .toExternalForm();

    private final CertificatesViewModel model;
    private final CertificateActionsModel actions;
    private final PolicySimulationModel simulator;
    private final FolderPicker folderPicker;
    private final VBox root = new VBox();
    private final TableView<CertificateRow> table = new TableView<>();
    /** Set while this view moves the table's selection itself, so the model is not told again. */
    private boolean restoringSelection;

    public CertificatesView(
            CertificatesViewModel model, CertificateActionsModel actions, PolicySimulationModel simulator) {
        this(model, actions, simulator, FolderPicker.directoryChooser());
    }

    CertificatesView(
            CertificatesViewModel model,
            CertificateActionsModel actions,
            PolicySimulationModel simulator,
            FolderPicker folderPicker) {
        this.model = model;
        this.actions = actions;
        this.simulator = simulator;
        this.folderPicker = folderPicker;
        root.getStyleClass().add("certificates-view");

        TabPane tabs = new TabPane(
                tab("cert-tab-certificates", "Certificates", model.certificateCountProperty(), certificatesTab()),
                tab("cert-tab-cas", "CAs", Bindings.size(model.cas()), caTable()),
                tab("cert-tab-policies", "Policies", Bindings.size(model.policies()), new PolicyPane(model).node()));
        tabs.setId("cert-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("certificates-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        root.getChildren().addAll(messageBar(), tabs);
    }

    public Node node() {
        return root;
    }

    private static Tab tab(String id, String title, ObservableNumberValue count, Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> title + "  " + String.format(Locale.ROOT, "%,d", count.intValue()), count));
        tab.setContent(content);
        return tab;
    }

    /** The outcome of the last action: green when it went through, red with the registry's reason when not. */
    private Node messageBar() {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("cert-message-icon");
        Label text = new Label();
        text.setId("cert-message");
        text.setWrapText(true);
        text.textProperty().bind(model.messageProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("cert-message-dismiss");
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(event -> model.dismissMessage());
        BorderPane bar = new BorderPane(text, null, dismiss, null, icon);
        BorderPane.setAlignment(icon, Pos.CENTER_LEFT);
        BorderPane.setAlignment(dismiss, Pos.CENTER_RIGHT);
        BorderPane.setMargin(text, new Insets(0, 10, 0, 10));
        bar.setId("cert-message-bar");
        // the list below always wants more height than there is; without this the box would shrink the message to
        // one cut-off line to make room
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("cert-message");
        bar.visibleProperty().bind(model.messageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        model.messageKindProperty().subscribe(kind -> {
            bar.getStyleClass().removeAll("success", "error");
            if (kind == MessageKind.SUCCESS) {
                bar.getStyleClass().add("success");
                icon.setIconCode(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
            } else if (kind == MessageKind.ERROR) {
                bar.getStyleClass().add("error");
                icon.setIconCode(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            }
        });
        return bar;
    }

    // --- the certificates tab

    private Node certificatesTab() {
        TextField filter = new TextField();
        filter.setId("cert-filter");
        filter.setPromptText("Filter by id, thing, status or policy");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);

        Label shown = new Label();
        shown.getStyleClass().add("cert-count");
        shown.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.filterProperty().get().isBlank()
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "%,d of %,d",
                                        model.certificates().size(),
                                        model.certificateCountProperty().get()),
                        model.certificates(),
                        model.certificateCountProperty(),
                        model.filterProperty()));

        Button issue = new Button("Issue certificate for thing\u2026", new FontIcon(MaterialDesignC.CERTIFICATE));
        issue.setId("cert-issue");
        issue.setOnAction(event -> issueCertificate());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toolbar = new HBox(10, filter, shown, gap, issue);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("cert-toolbar");

        VBox list = new VBox(toolbar, noDeviceCertificatesNotice(), certificateTable());
        list.getStyleClass().add("cert-list");
        list.setMinHeight(170);
        VBox.setVgrow(table, Priority.ALWAYS);

        CertificatePanel panel = new CertificatePanel(model, actions, simulator, this::confirmRevoke);
        HBox cards = new HBox(12, panel.certificateCard(), panel.simulatorCard());
        cards.getStyleClass().add("cert-cards");
        cards.setMinHeight(140);

        SplitPane split = new SplitPane(list, cards);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        SplitPane.setResizableWithParent(cards, false);
        split.getStyleClass().add("cert-split");
        return split;
    }

    /** A data folder whose only certificate is the shared claim certificate says how devices get their own. */
    private Node noDeviceCertificatesNotice() {
        FontIcon icon = new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);
        icon.getStyleClass().add("cert-notice-icon");
        Label title = new Label("No device certificates yet");
        title.getStyleClass().add("cert-notice-title");
        TextFlow text = new TextFlow(
                words("Devices get their own certificate with "),
                code("fleetdeck device add NAME"),
                words(" (it writes NAME.cert.pem, NAME.private.key and root-ca.pem), or provision themselves by"
                        + " claim with claim.cert.pem, claim.private.key and root-ca.pem from the data folder's "),
                code("provisioning/"),
                words(" folder. Issue certificate for thing\u2026 above does the same as device add."));
        text.setId("cert-no-devices-text");
        text.getStyleClass().add("cert-notice-text");
        VBox words = new VBox(4, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox notice = new HBox(10, icon, words);
        notice.setId("cert-no-devices");
        notice.getStyleClass().add("cert-notice");
        notice.visibleProperty()
                .bind(model.loadedProperty()
                        .and(model.deviceCertificateCountProperty().isEqualTo(0))
                        .and(model.certificateCountProperty().greaterThan(0)));
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    private static Text words(String text) {
        Text words = new Text(text);
        words.getStyleClass().add("cert-notice-words");
        return words;
    }

    private static Text code(String text) {
        Text code = new Text(text);
        code.getStyleClass().add("cert-notice-code");
        return code;
    }

    static final String HOW_DEVICES_GET_ONE = "Devices get their own certificate with fleetdeck device add NAME"
            + " (it writes NAME.cert.pem, NAME.private.key and root-ca.pem), or provision themselves by claim with"
            + " claim.cert.pem, claim.private.key and root-ca.pem from the data folder's provisioning/ folder.";

    private Node certificateTable() {
        table.setId("cert-table");
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add("cert-table");

        TableColumn<CertificateRow, CertificateRow> id = RowCell.column(
                "Certificate ID", 128, CertificateRow::shortId, row -> "Certificate ID " + row.id(), row -> "cert-id");
        TableColumn<CertificateRow, CertificateRow> thing = RowCell.centreEllipsis(RowCell.flexibleColumn(
                "Thing",
                260,
                CertificatesView::thingText,
                CertificatesView::thingTooltip,
                row -> row.things().isEmpty() ? "cert-muted" : ""));
        TableColumn<CertificateRow, CertificateRow> status =
                RowCell.column("Status", 96, CertificatesView::statusText, null, CertificatesView::statusStyle);
        TableColumn<CertificateRow, CertificateRow> expires = RowCell.column(
                "Expires",
                104,
                row -> Formats.date(row.notAfter(), model.zone()),
                row -> Formats.validity(row.notAfter(), model.now(), model.zone()),
                row -> model.expiryOf(row.notAfter()).styleClass());
        expires.setComparator((a, b) -> compareInstants(a.notAfter(), b.notAfter()));
        TableColumn<CertificateRow, CertificateRow> lastSeen = RowCell.column(
                "Last seen",
                100,
                row -> Formats.lastSeen(row.lastSeen(), model.now(), model.zone()),
                row -> row.lastSeen() == null
                        ? "No device has connected with this certificate."
                        : "Last connected " + Formats.dateTime(row.lastSeen(), model.zone()),
                row -> row.lastSeen() == null ? "cert-muted" : "");
        lastSeen.setComparator((a, b) -> compareInstants(a.lastSeen(), b.lastSeen()));
        TableColumn<CertificateRow, CertificateRow> policies = RowCell.centreEllipsis(RowCell.flexibleColumn(
                "Policies",
                150,
                row -> Formats.joined(row.policies()),
                row -> row.policies().isEmpty() ? null : String.join("\n", row.policies()),
                null));
        table.getColumns().setAll(List.of(id, thing, status, expires, lastSeen, policies));

        SortedList<CertificateRow> sorted = new SortedList<>(model.certificates());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        EmptyState empty = new EmptyState(
                MaterialDesignC.CERTIFICATE_OUTLINE,
                "No device certificates yet",
                HOW_DEVICES_GET_ONE,
                "Issue certificate for thing\u2026 above does the same as device add.");
        empty.setId("cert-empty");
        Label reading = new Label("Reading the identity registry\u2026");
        reading.getStyleClass().add("table-placeholder");
        Label noMatch = new Label("No certificate matches the filter.");
        noMatch.getStyleClass().add("table-placeholder");
        table.placeholderProperty()
                .bind(Bindings.createObjectBinding(
                        () -> !model.loadedProperty().get()
                                ? reading
                                : model.certificateCountProperty().get() == 0 ? empty : noMatch,
                        model.loadedProperty(),
                        model.certificateCountProperty()));

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!restoringSelection) {
                model.selectCertificate(row);
            }
        });
        model.revisionProperty().subscribe(() -> restoreSelection(false));
        // a certificate the model picks itself (one just issued) is also scrolled to
        model.selectedCertificateProperty().subscribe(() -> restoreSelection(true));
        return table;
    }

    /** Puts the table's selection back on the model's certificate after rows were replaced or re-sorted. */
    private void restoreSelection(boolean scroll) {
        CertificateRow wanted = model.selectedCertificateProperty().get();
        CertificateRow current = table.getSelectionModel().getSelectedItem();
        if (wanted == null || (current != null && current.id().equals(wanted.id()))) {
            return;
        }
        List<CertificateRow> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(wanted.id())) {
                restoringSelection = true;
                try {
                    table.getSelectionModel().clearAndSelect(i);
                } finally {
                    restoringSelection = false;
                }
                if (scroll) {
                    table.scrollTo(Math.max(0, i - 2));
                }
                return;
            }
        }
    }

    private static String thingText(CertificateRow row) {
        if (!row.things().isEmpty()) {
            return String.join(", ", row.things());
        }
        return row.provisioningClaim() ? "provisioning claim" : "no thing";
    }

    private static String thingTooltip(CertificateRow row) {
        String subject = "Common name " + row.commonName();
        if (row.provisioningClaim()) {
            return subject + "\nShared by devices that provision themselves by claim; it speaks for no thing.";
        }
        return row.things().isEmpty() ? subject : String.join("\n", row.things()) + "\n" + subject;
    }

    static String statusText(CertificateRow row) {
        return switch (row.status()) {
            case "ACTIVE" -> "Active";
            case "INACTIVE" -> "Inactive";
            case "REVOKED" -> "Revoked";
            case "PENDING_ACTIVATION" -> "Pending activation";
            case "PENDING_TRANSFER" -> "Pending transfer";
            case "REGISTER_INACTIVE" -> "Registered, inactive";
            default -> row.status();
        };
    }

    static String statusStyle(CertificateRow row) {
        return switch (row.status()) {
            case "ACTIVE" -> "status-active";
            case "REVOKED" -> "status-revoked";
            default -> "status-inactive";
        };
    }

    private static int compareInstants(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    // --- the CAs tab

    private Node caTable() {
        TableView<CaRow> cas = new TableView<>();
        cas.setId("ca-table");
        cas.setFixedCellSize(28);
        cas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<CaRow, CaRow> expires = RowCell.column(
                "Expires",
                104,
                row -> Formats.date(row.notAfter(), model.zone()),
                row -> Formats.validity(row.notAfter(), model.now(), model.zone()),
                row -> model.expiryOf(row.notAfter()).styleClass());
        expires.setComparator((a, b) -> compareInstants(a.notAfter(), b.notAfter()));
        cas.getColumns()
                .setAll(List.of(
                        RowCell.column(
                                "CA ID",
                                128,
                                row -> row.id().substring(0, Math.min(row.id().length(), 12)),
                                row -> "CA ID " + row.id(),
                                row -> "cert-id"),
                        RowCell.flexibleColumn("Subject", 240, CaRow::subject, CaRow::subject, null),
                        RowCell.column(
                                "Status",
                                92,
                                row -> row.active() ? "Active" : "Inactive",
                                null,
                                row -> row.active() ? "status-active" : "status-inactive"),
                        RowCell.column(
                                "Auto-registration",
                                150,
                                row -> row.autoRegistration() ? "On" : "Off",
                                row -> row.autoRegistration()
                                        ? "Unknown certificates this CA signed are registered at their first"
                                                + " connection."
                                        : "Certificates this CA signs must be registered before they connect.",
                                null),
                        expires));
        Label none = new Label("No CAs are registered. The data folder's own CA registers itself at start.");
        none.setWrapText(true);
        none.getStyleClass().add("table-placeholder");
        cas.setPlaceholder(none);
        SortedList<CaRow> sorted = new SortedList<>(model.cas());
        sorted.comparatorProperty().bind(cas.comparatorProperty());
        cas.setItems(sorted);
        VBox box = new VBox(cas);
        box.getStyleClass().add("cert-tab-content");
        VBox.setVgrow(cas, Priority.ALWAYS);
        return box;
    }

    // --- dialogs

    /** Asks before revoking; the answer names the certificate and says it is final. */
    private boolean confirmRevoke(CertificateRow row) {
        ButtonType revoke = new ButtonType("Revoke", ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Revoke certificate");
        alert.setHeaderText("Revoke certificate " + CertificateActionsModel.label(row) + "?");
        Label id = new Label(row.id());
        id.setId("revoke-confirmation-id");
        id.getStyleClass().add("cert-id");
        id.setWrapText(true);
        Label consequence = new Label("Devices using it are disconnected at once and can never connect with it again."
                + " This cannot be undone.");
        consequence.setId("revoke-confirmation-text");
        consequence.setWrapText(true);
        VBox content = new VBox(10, id, consequence);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(640);
        alert.getDialogPane().getStylesheets().add(STYLESHEET);
        alert.getButtonTypes().setAll(revoke, ButtonType.CANCEL);
        Button revokeButton = (Button) alert.getDialogPane().lookupButton(revoke);
        revokeButton.setId("confirm-revoke");
        revokeButton.getStyleClass().add(Styles.DANGER);
        revokeButton.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        owner().ifPresent(alert::initOwner);
        return alert.showAndWait().filter(revoke::equals).isPresent();
    }

    /** Asks for the thing's name and where its files go, then has the model issue and save them. */
    private void issueCertificate() {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Issue certificate");
        ask.setHeaderText("Issue a certificate for a thing");
        ask.setContentText("Thing name:");
        ask.getEditor().setId("issue-thing-name");
        ask.getEditor().setPrefColumnCount(28);
        Label explanation = new Label("The thing is created when it does not exist yet. The certificate gets the"
                + " default device policy. Next you choose a folder for NAME.cert.pem, NAME.private.key and"
                + " root-ca.pem; the private key is kept nowhere else.");
        explanation.setWrapText(true);
        explanation.setMaxWidth(480);
        explanation.getStyleClass().add("cert-dialog-text");
        VBox content = new VBox(12, explanation, new HBox(8, new Label("Thing name"), ask.getEditor()));
        ((HBox) content.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        ask.getDialogPane().setContent(content);
        ask.getDialogPane().getStylesheets().add(STYLESHEET);
        Button next = (Button) ask.getDialogPane().lookupButton(ButtonType.OK);
        next.setText("Issue\u2026");
        next.disableProperty().bind(ask.getEditor().textProperty().map(String::isBlank));
        owner().ifPresent(ask::initOwner);
        Optional<String> name = ask.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        Optional<Path> folder =
                folderPicker.pick(owner().orElse(null), "Where to save the certificate files for " + name.get());
        folder.ifPresent(path -> actions.issueFor(name.get(), path));
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(root.getScene()).map(scene -> scene.getWindow());
    }
}
