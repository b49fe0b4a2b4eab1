package io.fleetdeck.views.certificates;

import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The certificate list's status filter: a ControlsFX {@link CheckComboBox} of the states a certificate can be in, all
 * checked at first; the list follows each check at once, and the choice lives in the view model, so it stays while
 * the section is open. JavaFX thread only.
 */
final class StatusFilter {

    private final CertificatesViewModel model;
    private final CheckComboBox<String> box =
            new CheckComboBox<>(FXCollections.observableArrayList(CertificatesViewModel.STATUSES));

    StatusFilter(CertificatesViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        box.setId("cert-status-filter");
        box.getStyleClass().add("cert-status-filter");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String status) {
                return status == null ? "" : CertificatesView.statusText(status);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        model.shownStatuses().forEach(status -> box.getCheckModel().check(status));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>)
                change -> model.showStatuses(List.copyOf(box.getCheckModel().getCheckedItems())));
        box.titleProperty().bind(Bindings.createStringBinding(this::title, model.shownStatuses()));
        box.setTooltip(new Tooltip(Texts.get("certificates.statusFilter.tooltip")));
        box.setAccessibleText(Texts.get("certificates.statusFilter.accessible"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPrefWidth(Double.parseDouble(Texts.get("certificates.statusFilter.width")));
    }

    Node node() {
        return box;
    }

    /**
     * "All statuses", "No status", "All but Revoked" while most are shown (the short way to say it), else the
     * states shown, in the filter's order.
     */
    private String title() {
        List<String> shown = CertificatesViewModel.STATUSES.stream()
                .filter(model.shownStatuses()::contains)
                .toList();
        List<String> hidden = CertificatesViewModel.STATUSES.stream()
                .filter(status -> !shown.contains(status))
                .toList();
        if (hidden.isEmpty()) {
            return Texts.get("certificates.statusFilter.all");
        }
        if (shown.isEmpty()) {
            return Texts.get("certificates.statusFilter.none");
        }
        if (hidden.size() < shown.size()) {
            return Texts.get("certificates.statusFilter.allBut", words(hidden));
        }
        return words(shown);
    }

    private static String words(List<String> statuses) {
        return statuses.stream().map(CertificatesView::statusText).collect(Collectors.joining(" \u00b7 "));
    }
}
