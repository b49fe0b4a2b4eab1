package io.fleetdeck.views.thingtypes;

import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.Texts;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The thing types table with its toolbar: New thing type…, Deprecate and Undo deprecation, and the last outcome in
 * words. Shown as the Groups section's second tab.
 */
public final class ThingTypesView {

    private final ThingTypesViewModel model;
    private final TableView<ThingTypeDescription> table = new TableView<>();
    private final VBox root;

    public ThingTypesView(ThingTypesViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        table.setId("thing-types");
        table.setItems(model.rows());
        table.setPlaceholder(EmptyState.line(Texts.get("thingTypes.empty")));
        table.setAccessibleText(Texts.get("thingTypes.table"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(
                        column("thingTypes.name", ThingTypeDescription::thingTypeName, 180),
                        column("thingTypes.state", ThingTypesView::state, 200),
                        column("thingTypes.searchable", type -> String.join(", ", type.searchableAttributes()), 180),
                        column(
                                "thingTypes.description",
                                type -> Optional.ofNullable(type.description()).orElse(""),
                                240));
        keepSelectionAcrossReads();
        VBox.setVgrow(table, Priority.ALWAYS);
        Label outcome = new Label();
        outcome.setId("thing-types-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        model.refusedProperty()
                .addListener(
                        (property, before, refused) -> outcome.getStyleClass().setAll(refused ? "danger" : "success"));
        root = new VBox(8, toolbar(), table, outcome);
        root.setPadding(new Insets(12));
    }

    public Node node() {
        return root;
    }

    /** The rows are read afresh after every change: the type the operator had selected stays selected. */
    private void keepSelectionAcrossReads() {
        String[] selectedName = {null};
        table.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                selectedName[0] = now.thingTypeName();
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<ThingTypeDescription>) change -> {
            for (ThingTypeDescription row : model.rows()) {
                if (row.thingTypeName().equals(selectedName[0])) {
                    table.getSelectionModel().select(row);
                }
            }
        });
    }

    private HBox toolbar() {
        Button create = new Button(Texts.get("thingTypes.new"), new FontIcon(MaterialDesignS.SHAPE_PLUS));
        create.setId("thing-type-new");
        create.setOnAction(event -> askForNewType());
        Button deprecate = new Button("", new FontIcon(MaterialDesignC.CANCEL));
        deprecate.setId("thing-type-deprecate");
        var selected = table.getSelectionModel().selectedItemProperty();
        deprecate
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Texts.get(
                                selected.get() != null && selected.get().deprecated()
                                        ? "thingTypes.undeprecate"
                                        : "thingTypes.deprecate"),
                        selected));
        deprecate.disableProperty().bind(selected.isNull());
        deprecate.setOnAction(event -> model.toggleDeprecation(selected.get()));
        HBox bar = new HBox(8, create, deprecate);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void askForNewType() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.get("thingTypes.new.title"));
        dialog.setHeaderText(Texts.get("thingTypes.new.header"));
        TextField name = field("thing-type-name", "thingTypes.name", "pump");
        TextField description = field("thing-type-description", "thingTypes.description", "");
        TextField searchable = field("thing-type-searchable", "thingTypes.searchable", "model, serial");
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label(Texts.get("thingTypes.name")), name);
        form.addRow(1, new Label(Texts.get("thingTypes.description")), description);
        form.addRow(2, new Label(Texts.get("thingTypes.searchable")), searchable);
        form.add(new Label(Texts.get("thingTypes.searchable.help")), 1, 3);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(name.textProperty().isEmpty());
        dialog.setOnShown(event -> name.requestFocus());
        dialog.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.create(name.getText(), description.getText(), searchable.getText()));
    }

    private static TextField field(String id, String labelKey, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(Texts.get(labelKey));
        field.setPrefColumnCount(24);
        return field;
    }

    private static String state(ThingTypeDescription type) {
        return type.deprecationDate() == null
                ? Texts.get("thingTypes.active")
                : Texts.get(
                        "thingTypes.deprecatedSince",
                        day(Locale.getDefault()).format(type.deprecationDate().atZone(ZoneId.systemDefault())));
    }

    private static DateTimeFormatter day(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    private static TableColumn<ThingTypeDescription, String> column(
            String titleKey, java.util.function.Function<ThingTypeDescription, String> text, double width) {
        TableColumn<ThingTypeDescription, String> column = new TableColumn<>(Texts.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
