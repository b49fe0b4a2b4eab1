package io.fleetdeck.views.certificates;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.Texts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
                tab(
                        "cert-tab-certificates",
                        "certificates.tab.certificates",
                        model.certificateCountProperty(),
                        certificatesTab()),
                tab("cert-tab-cas", "certificates.tab.cas", Bindings.size(model.cas()), caTable()),
                tab(
                        "cert-tab-policies",
                        "certificates.tab.policies",
                        Bindings.size(model.policies()),
                        new PolicyPane(model).node()));
        tabs.setId("cert-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("certificates-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        root.getChildren().addAll(messageBar(), tabs);
    }

    public Node node() {
        return root;
    }

    /** A tab whose title, {@code titleKey}'s text, ends with {@code count}. */
    private static Tab tab(String id, String titleKey, ObservableNumberValue count, Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(Bindings.createStringBinding(() -> Texts.get(titleKey, count.intValue()), count));
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
        dismiss.setTooltip(new Tooltip(Texts.get("certificates.dismiss")));
        dismiss.setAccessibleText(Texts.get("certificates.dismiss"));
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
        filter.setPromptText(Texts.get("certificates.filter"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);

        Label shown = new Label();
        shown.getStyleClass().add("cert-count");
        shown.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.filterProperty().get().isBlank()
                                ? ""
                                : Texts.get(
                                        "certificates.filter.shown",
                                        model.certificates().size(),
                                        model.certificateCountProperty().get()),
                        model.certificates(),
                        model.certificateCountProperty(),
                        model.filterProperty()));

        Button issue = new Button(Texts.get("certificates.issue"), new FontIcon(MaterialDesignC.CERTIFICATE));
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
        Label title = new Label(Texts.get("certificates.noDevices.title"));
        title.getStyleClass().add("cert-notice-title");
        TextFlow text = new TextFlow(
                words(Texts.get("certificates.noDevices.before")),
                code("fleetdeck device add NAME"),
                words(Texts.get("certificates.noDevices.middle")),
                code("provisioning/"),
                words(Texts.get("certificates.noDevices.after")));
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

    private Node certificateTable() {
        table.setId("cert-table");
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add("cert-table");
        table.setAccessibleText(Texts.get("certificates.table"));

        TableColumn<CertificateRow, CertificateRow> id = RowCell.column(
                Texts.get("certificates.column.id"),
                128,
                CertificateRow::shortId,
                row -> Texts.get("certificates.id.tooltip", row.id()),
                row -> "cert-id");
        TableColumn<CertificateRow, CertificateRow> thing = RowCell.centreEllipsis(RowCell.flexibleColumn(
                Texts.get("certificates.column.thing"),
                260,
                CertificatesView::thingText,
                CertificatesView::thingTooltip,
                row -> row.things().isEmpty() ? "cert-muted" : ""));
        TableColumn<CertificateRow, CertificateRow> status = RowCell.column(
                Texts.get("certificates.column.status"),
                96,
                CertificatesView::statusText,
                null,
                CertificatesView::statusStyle);
        TableColumn<CertificateRow, CertificateRow> expires = RowCell.column(
                Texts.get("certificates.column.expires"),
                104,
                row -> Formats.date(row.notAfter(), model.zone()),
                row -> Formats.validity(row.notAfter(), model.now(), model.zone()),
                row -> model.expiryOf(row.notAfter()).styleClass());
        expires.setComparator((a, b) -> compareInstants(a.notAfter(), b.notAfter()));
        TableColumn<CertificateRow, CertificateRow> lastSeen = RowCell.column(
                Texts.get("certificates.column.lastSeen"),
                // room for the heading in German too ("Zuletzt gesehen")
                144,
                row -> Formats.lastSeen(row.lastSeen(), model.now(), model.zone()),
                row -> row.lastSeen() == null
                        ? Texts.get("certificates.lastSeen.neverTooltip")
                        : Texts.get("certificates.lastSeen.tooltip", Formats.dateTime(row.lastSeen(), model.zone())),
                row -> row.lastSeen() == null ? "cert-muted" : "");
        lastSeen.setComparator((a, b) -> compareInstants(a.lastSeen(), b.lastSeen()));
        TableColumn<CertificateRow, CertificateRow> policies = RowCell.centreEllipsis(RowCell.flexibleColumn(
                Texts.get("certificates.column.policies"),
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
                Texts.get("certificates.noDevices.title"),
                Texts.get("certificates.empty.explanation"),
                Texts.get("certificates.empty.hint"));
        empty.setId("cert-empty");
        Label reading = new Label(Texts.get("certificates.reading"));
        reading.getStyleClass().add("table-placeholder");
        Label noMatch = new Label(Texts.get("certificates.noMatch"));
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
        return thingless(row);
    }

    /** What the Thing column says for a certificate attached to no thing. */
    static String thingless(CertificateRow row) {
        return Texts.get(row.provisioningClaim() ? "certificates.thing.claim" : "certificates.thing.none");
    }

    private static String thingTooltip(CertificateRow row) {
        String subject = Texts.get("certificates.commonName", row.commonName());
        if (row.provisioningClaim()) {
            return subject + "\n" + Texts.get("certificates.claim.shared");
        }
        return row.things().isEmpty() ? subject : String.join("\n", row.things()) + "\n" + subject;
    }

    static String statusText(CertificateRow row) {
        return switch (row.status()) {
            case "ACTIVE" -> Texts.get("certificates.status.active");
            case "INACTIVE" -> Texts.get("certificates.status.inactive");
            case "REVOKED" -> Texts.get("certificates.status.revoked");
            case "PENDING_ACTIVATION" -> Texts.get("certificates.status.pendingActivation");
            case "PENDING_TRANSFER" -> Texts.get("certificates.status.pendingTransfer");
            case "REGISTER_INACTIVE" -> Texts.get("certificates.status.registerInactive");
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
        cas.setAccessibleText(Texts.get("certificates.ca.table"));
        cas.setFixedCellSize(28);
        cas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<CaRow, CaRow> expires = RowCell.column(
                Texts.get("certificates.column.expires"),
                104,
                row -> Formats.date(row.notAfter(), model.zone()),
                row -> Formats.validity(row.notAfter(), model.now(), model.zone()),
                row -> model.expiryOf(row.notAfter()).styleClass());
        expires.setComparator((a, b) -> compareInstants(a.notAfter(), b.notAfter()));
        cas.getColumns()
                .setAll(List.of(
                        RowCell.column(
                                Texts.get("certificates.ca.column.id"),
                                128,
                                row -> row.id().substring(0, Math.min(row.id().length(), 12)),
                                row -> Texts.get("certificates.ca.id.tooltip", row.id()),
                                row -> "cert-id"),
                        RowCell.flexibleColumn(
                                Texts.get("certificates.ca.column.subject"), 240, CaRow::subject, CaRow::subject, null),
                        RowCell.column(
                                Texts.get("certificates.column.status"),
                                92,
                                row -> Texts.get(
                                        row.active() ? "certificates.status.active" : "certificates.status.inactive"),
                                null,
                                row -> row.active() ? "status-active" : "status-inactive"),
                        RowCell.column(
                                Texts.get("certificates.ca.column.autoRegistration"),
                                // room for the heading in German too ("Auto-Registrierung")
                                170,
                                row -> Texts.get(row.autoRegistration() ? "certificates.ca.on" : "certificates.ca.off"),
                                row -> Texts.get(
                                        row.autoRegistration()
                                                ? "certificates.ca.onTooltip"
                                                : "certificates.ca.offTooltip"),
                                null),
                        expires));
        Label none = new Label(Texts.get("certificates.ca.none"));
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
        ask.setTitle(Texts.get("certificates.issue.title"));
        ask.setHeaderText(Texts.get("certificates.issue.header"));
        ask.setContentText(Texts.get("certificates.issue.content"));
        ask.getEditor().setId("issue-thing-name");
        ask.getEditor().setPrefColumnCount(28);
        Label explanation = new Label(Texts.get("certificates.issue.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(480);
        explanation.getStyleClass().add("cert-dialog-text");
        VBox content = new VBox(
                12, explanation, new HBox(8, new Label(Texts.get("certificates.issue.name")), ask.getEditor()));
        ((HBox) content.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        ask.getDialogPane().setContent(content);
        ask.getDialogPane().getStylesheets().add(STYLESHEET);
        Button next = (Button) ask.getDialogPane().lookupButton(ButtonType.OK);
        next.setText(Texts.get("certificates.issue.next"));
        next.disableProperty().bind(ask.getEditor().textProperty().map(String::isBlank));
        owner().ifPresent(ask::initOwner);
        Optional<String> name = ask.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        Optional<Path> folder =
                folderPicker.pick(owner().orElse(null), Texts.get("certificates.issue.folder", name.get()));
        folder.ifPresent(path -> actions.issueFor(name.get(), path));
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(root.getScene()).map(scene -> scene.getWindow());
    }
}
