package io.fleetdeck.views.certificates;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Policies tab: every policy, and for the selected one its document in force, coloured, with the certificates
 * and things it reaches. JavaFX thread only.
 */
final class PolicyPane {

    private final CertificatesViewModel model;
    private final ListView<PolicyRow> list = new ListView<>();
    private final TextFlow json = new TextFlow();
    private final Label title = new Label();
    private final Tooltip titleTooltip = new Tooltip();
    private final Label version = new Label();
    private final Label reach = new Label();
    private final VBox warnings = new VBox(4);
    private final SplitPane pane;
    private boolean restoringSelection;
    /** The document on screen, so a refresh that did not change it does not rebuild the text. */
    private @Nullable String shownDocument;

    PolicyPane(CertificatesViewModel model) {
        this.model = model;

        list.setId("policy-list");
        list.setAccessibleText(Texts.get("certificates.policy.list"));
        list.setItems(model.policies());
        list.setCellFactory(view -> new PolicyCell());
        list.setFixedCellSize(52);
        list.setMinWidth(180);
        Label none = new Label(Texts.get("certificates.policy.none"));
        none.setWrapText(true);
        none.getStyleClass().add("table-placeholder");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!restoringSelection) {
                model.selectPolicy(row);
            }
        });
        model.revisionProperty().subscribe(this::restoreSelection);

        pane = new SplitPane(list, details());
        pane.setOrientation(Orientation.HORIZONTAL);
        pane.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(list, false);
        pane.getStyleClass().add("policy-pane");
        model.selectedPolicyProperty().subscribe(this::show);
    }

    Node node() {
        return pane;
    }

    private Node details() {
        title.setId("policy-title");
        title.getStyleClass().add("policy-title");
        title.setMinWidth(0);
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        title.setTooltip(titleTooltip);
        version.setId("policy-version");
        version.getStyleClass().add("cert-muted");
        version.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button(Texts.get("certificates.policy.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("policy-copy");
        copy.getStyleClass().addAll(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            PolicyRow row = model.selectedPolicyProperty().get();
            if (row != null) {
                ClipboardContent text = new ClipboardContent();
                text.putString(row.document());
                Clipboard.getSystemClipboard().setContent(text);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, version, gap, copy);
        header.setAlignment(Pos.BASELINE_LEFT);

        warnings.setId("policy-warnings");
        warnings.getStyleClass().add("policy-warnings");
        warnings.managedProperty().bind(warnings.visibleProperty());
        warnings.setVisible(false);

        json.setId("policy-json");
        json.getStyleClass().add("policy-json");
        // not wrapped: a policy's indentation shows its structure, so long ARNs scroll sideways instead
        ScrollPane document = new ScrollPane(json);
        document.getStyleClass().add("policy-json-scroll");
        VBox.setVgrow(document, Priority.ALWAYS);

        reach.setId("policy-reach");
        reach.setWrapText(true);
        reach.getStyleClass().add("cert-panel-heading");
        TableView<CertificateRow> reached = new TableView<>(model.policyReach());
        reached.setId("policy-reach-table");
        reached.setAccessibleText(Texts.get("certificates.policy.reach.table"));
        reached.setFixedCellSize(28);
        reached.setPrefHeight(200);
        reached.setMinHeight(120);
        reached.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<CertificateRow, CertificateRow> thing = RowCell.flexibleColumn(
                Texts.get("certificates.column.thing"),
                160,
                row -> row.things().isEmpty() ? CertificatesView.thingless(row) : String.join(", ", row.things()),
                row -> row.things().isEmpty() ? null : String.join("\n", row.things()),
                row -> row.things().isEmpty() ? "cert-muted" : "");
        TableColumn<CertificateRow, CertificateRow> certificate = RowCell.column(
                Texts.get("certificates.column.id"),
                128,
                CertificateRow::shortId,
                row -> Texts.get("certificates.id.tooltip", row.id()),
                row -> "cert-id");
        TableColumn<CertificateRow, CertificateRow> status = RowCell.column(
                Texts.get("certificates.column.status"),
                92,
                CertificatesView::statusText,
                null,
                CertificatesView::statusStyle);
        reached.getColumns().setAll(List.of(thing, certificate, status));
        Label nobody = new Label(Texts.get("certificates.policy.nobody"));
        nobody.getStyleClass().add("table-placeholder");
        reached.setPlaceholder(nobody);

        VBox shown = new VBox(10, header, warnings, document, reach, reached);
        shown.getStyleClass().add("policy-details");
        shown.visibleProperty().bind(model.selectedPolicyProperty().isNotNull());

        Label hint = new Label(Texts.get("certificates.policy.hint"));
        hint.setId("policy-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("cert-panel-hint");
        hint.visibleProperty().bind(shown.visibleProperty().not());
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        StackPane stack = new StackPane(hint, shown);
        stack.getStyleClass().add("policy-details-stack");
        return stack;
    }

    private void show(PolicyRow row) {
        if (row == null) {
            shownDocument = null;
            json.getChildren().clear();
            return;
        }
        title.setText(row.name());
        titleTooltip.setText(row.name());
        version.setText(Texts.get("certificates.policy.version", row.defaultVersion()));
        reach.setText(reachText(row));
        showWarnings(row);
        if (!row.document().equals(shownDocument)) {
            shownDocument = row.document();
            json.getChildren().setAll(JsonText.of(row.document().strip()));
        }
    }

    /**
     * A typo in an action or a variable grants or denies nothing, silently; AWS accepts the document all the same, so
     * the pane says where each one is, above the document.
     */
    private void showWarnings(PolicyRow row) {
        warnings.getChildren().clear();
        if (!row.warnings().isEmpty()) {
            Label heading = new Label(warningsHeading(row));
            heading.getStyleClass().add("policy-warnings-heading");
            heading.setWrapText(true);
            heading.setMinHeight(Region.USE_PREF_SIZE);
            warnings.getChildren().add(heading);
            for (String text : row.warnings()) {
                FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
                icon.getStyleClass().add("policy-warning-icon");
                Label warning = new Label(text, icon);
                warning.getStyleClass().add("policy-warning");
                warning.setWrapText(true);
                warning.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "..."
                warnings.getChildren().add(warning);
            }
        }
        warnings.setVisible(!row.warnings().isEmpty());
    }

    static String warningsHeading(PolicyRow row) {
        return Texts.get("certificates.policy.warnings", row.warnings().size());
    }

    static String reachText(PolicyRow row) {
        int certificates = row.certificateIds().size();
        if (certificates == 0) {
            return Texts.get("certificates.policy.reach.none");
        }
        int things = row.thingNames().size();
        return Texts.get("certificates.policy.reach", certificates, things);
    }

    private void restoreSelection() {
        PolicyRow wanted = model.selectedPolicyProperty().get();
        PolicyRow current = list.getSelectionModel().getSelectedItem();
        if (wanted == null || (current != null && current.name().equals(wanted.name()))) {
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).name().equals(wanted.name())) {
                restoringSelection = true;
                try {
                    list.getSelectionModel().clearAndSelect(i);
                } finally {
                    restoringSelection = false;
                }
                return;
            }
        }
    }

    /** A policy's name over its version and how many certificates it is attached to. */
    private static final class PolicyCell extends ListCell<PolicyRow> {

        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);
        private final Tooltip tooltip = new Tooltip();

        PolicyCell() {
            // no wider than the list: long names are cut in the middle rather than scrolled to
            setPrefWidth(0);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.getStyleClass().add("policy-cell-name");
            detail.getStyleClass().add("cert-muted");
            box.setMinWidth(0);
            name.setMinWidth(0);
            detail.setMinWidth(0);
        }

        @Override
        protected void updateItem(PolicyRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(row.name());
            // warnings before the count, so a narrow list still shows them
            detail.setText(
                    row.warnings().isEmpty()
                            ? Texts.get(
                                    "certificates.policy.detail",
                                    row.defaultVersion(),
                                    row.certificateIds().size())
                            : Texts.get(
                                    "certificates.policy.detailWarnings",
                                    row.defaultVersion(),
                                    row.warnings().size(),
                                    row.certificateIds().size()));
            tooltip.setText(row.name());
            setTooltip(tooltip);
            setGraphic(box);
        }
    }
}
