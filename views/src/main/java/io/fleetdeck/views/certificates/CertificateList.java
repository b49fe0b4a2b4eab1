package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The certificates tab's list: the text and status filters, Issue certificate, the notice of a folder without device
 * certificates, and the table whose selection follows the model's. Built and used on the JavaFX thread.
 */
final class CertificateList {

    private final CertificatesViewModel model;
    private final TableView<CertificateRow> table = new TableView<>();
    private final VBox root;
    /** Set while this list moves the table's selection itself, so the model is not told again. */
    private boolean restoringSelection;

    CertificateList(CertificatesViewModel model, Runnable issue) {
        this.model = Objects.requireNonNull(model, "model");
        root = new VBox(toolbar(issue), noDeviceCertificatesNotice(), certificateTable());
        root.getStyleClass().add("cert-list");
        root.setMinHeight(170);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    private Node toolbar(Runnable issueCertificate) {
        TextField filter = new TextField();
        filter.setId("cert-filter");
        filter.setPromptText(Texts.get("certificates.filter"));
        filter.setAccessibleText(Texts.get("certificates.filter"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);

        Label shown = new Label();
        shown.getStyleClass().add("cert-count");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        shown.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.filterProperty().get().isBlank()
                                        && model.shownStatuses().size() == CertificatesViewModel.STATUSES.size()
                                ? ""
                                : Texts.get(
                                        "certificates.filter.shown",
                                        model.certificates().size(),
                                        model.certificateCountProperty().get()),
                        model.certificates(),
                        model.certificateCountProperty(),
                        model.filterProperty(),
                        model.shownStatuses()));

        Button issue = new Button(Texts.get("certificates.issue"), new FontIcon(MaterialDesignC.CERTIFICATE));
        issue.setId("cert-issue");
        issue.setMinWidth(Region.USE_PREF_SIZE);
        issue.setOnAction(event -> issueCertificate.run());

        // the filter takes the room first, up to its widest; the gap gets what is left
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        HBox toolbar = new HBox(10, filter, new StatusFilter(model).node(), shown, gap, issue);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("cert-toolbar");
        return toolbar;
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
        table.getColumns().setAll(columns());

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

    private List<TableColumn<CertificateRow, CertificateRow>> columns() {
        TableColumn<CertificateRow, CertificateRow> id = RowCell.column(
                Texts.get("certificates.column.id"),
                128,
                CertificateRow::shortId,
                row -> Texts.get("certificates.id.tooltip", row.id()),
                row -> "cert-id");
        TableColumn<CertificateRow, CertificateRow> thing = RowCell.centreEllipsis(RowCell.flexibleColumn(
                Texts.get("certificates.column.thing"),
                260,
                CertificateList::thingText,
                CertificateList::thingTooltip,
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
        return List.of(id, thing, status, expires, lastSeen, policies);
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
        return CertificatesView.thingless(row);
    }

    private static String thingTooltip(CertificateRow row) {
        String subject = Texts.get("certificates.commonName", row.commonName());
        if (row.provisioningClaim()) {
            return subject + "\n" + Texts.get("certificates.claim.shared");
        }
        return row.things().isEmpty() ? subject : String.join("\n", row.things()) + "\n" + subject;
    }

    static int compareInstants(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
