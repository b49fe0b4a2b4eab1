package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.NoticePane;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;

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
    private final CertificateDialogs dialogs = new CertificateDialogs(this::owner);

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

        root.getChildren().add(noticeOver(tabs));
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

    /**
     * The outcome of the last action over the tabs: green when it went through, red with the registry's reason when
     * not; closing it dismisses the message.
     */
    private Node noticeOver(Node tabs) {
        ObservableValue<Notice> notice = Bindings.createObjectBinding(
                () -> switch (model.messageKindProperty().get()) {
                    case SUCCESS -> Notice.success(model.messageProperty().get());
                    case ERROR -> Notice.error(model.messageProperty().get());
                    case NONE -> null;
                },
                model.messageProperty(),
                model.messageKindProperty());
        NotificationPane pane = new NoticePane("cert-message", tabs, notice, model::dismissMessage).node();
        VBox.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }

    // --- the certificates tab

    private Node certificatesTab() {
        CertificateList list = new CertificateList(model, this::issueCertificate);
        CertificatePanel panel = new CertificatePanel(model, actions, simulator, dialogs::confirmRevoke);
        HBox cards = new HBox(12, panel.certificateCard(), panel.simulatorCard());
        cards.getStyleClass().add("cert-cards");
        cards.setMinHeight(140);

        SplitPane split = new SplitPane(list.node(), cards);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        SplitPane.setResizableWithParent(cards, false);
        split.getStyleClass().add("cert-split");
        return split;
    }

    /** What the Thing column says for a certificate attached to no thing. */
    static String thingless(CertificateRow row) {
        return Texts.get(row.provisioningClaim() ? "certificates.thing.claim" : "certificates.thing.none");
    }

    static String statusText(CertificateRow row) {
        return statusText(row.status());
    }

    /** A certificate state in the reader's words; one the console does not know stays as the registry says it. */
    static String statusText(String status) {
        return switch (status) {
            case "ACTIVE" -> Texts.get("certificates.status.active");
            case "INACTIVE" -> Texts.get("certificates.status.inactive");
            case "REVOKED" -> Texts.get("certificates.status.revoked");
            case "PENDING_ACTIVATION" -> Texts.get("certificates.status.pendingActivation");
            case "PENDING_TRANSFER" -> Texts.get("certificates.status.pendingTransfer");
            case "REGISTER_INACTIVE" -> Texts.get("certificates.status.registerInactive");
            default -> status;
        };
    }

    static String statusStyle(CertificateRow row) {
        return switch (row.status()) {
            case "ACTIVE" -> "status-active";
            case "REVOKED" -> "status-revoked";
            default -> "status-inactive";
        };
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
        expires.setComparator((a, b) -> CertificateList.compareInstants(a.notAfter(), b.notAfter()));
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

    /** Asks for the thing's name and where its files go, then has the model issue and save them. */
    private void issueCertificate() {
        dialogs.askThingName()
                .ifPresent(name -> folderPicker
                        .pick(owner().orElse(null), Texts.get("certificates.issue.folder", name))
                        .ifPresent(path -> actions.issueFor(name, path)));
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(root.getScene()).map(scene -> scene.getWindow());
    }
}
