package io.fleetdeck.views.fleet;

import io.fleetdeck.api.search.QueryProblem;
import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.views.common.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.fxmisc.richtext.StyleClassedTextField;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The query bar's field and its suggestion list: the query coloured as typed (RichTextFX), the problem underlined and
 * marked under its column, and the suggestions under the word they complete. The list lives in an overlay the Fleet
 * view lays over its table, so the keyboard stays in the field: Up and Down choose, Enter or Tab take, Escape closes,
 * Ctrl+Space or Down opens it. Enter with no list open runs the query. Built and used on the JavaFX thread.
 */
final class QueryBar {

    private static final double LIST_WIDTH = 420;
    private static final double LIST_ROW = 30;

    private final QueryBarModel model;
    private final StyleClassedTextField field = newField();
    private final HBox box;
    private final Label problem = new Label();
    private final Label hint = new Label();
    private final ListView<Completion> list = new ListView<>();
    private final Polygon marker = new Polygon(0, 0, 5, 7, -5, 7);
    private final Pane overlay;
    /** True while the view writes the model's text into the field, so the field's echo is not taken as typing. */
    private boolean syncing;

    /** @param overlay where the suggestion list and the problem marker are laid, over the table */
    QueryBar(QueryBarModel model, Pane overlay) {
        this.model = Objects.requireNonNull(model, "model");
        this.overlay = Objects.requireNonNull(overlay, "overlay");
        field.setId("fleet-query");
        field.setAccessibleText(Texts.get("common.a11y.fleetQuery"));
        field.setAccessibleHelp(Texts.get("common.a11y.fleetQuery.help"));
        // modena's field rule looks up colours AtlantaFX does not define; .query-input gives the field its look
        field.getStyleClass().remove("styled-text-field");
        field.getStyleClass().add("query-input");
        Text prompt = new Text(Texts.get("fleet.query.prompt"));
        prompt.getStyleClass().add("query-prompt");
        field.setPromptText(prompt);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        field.setMinWidth(240);

        FontIcon icon = new FontIcon(MaterialDesignM.MAGNIFY);
        icon.getStyleClass().add("fleet-filter-icon");
        box = new HBox(6, icon, field);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("query-bar");

        problem.setId("fleet-query-problem");
        problem.getStyleClass().add("query-problem");
        problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        hint.setId("fleet-query-hint");
        hint.getStyleClass().add("query-hint");
        hint.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.managedProperty().bind(hint.visibleProperty());
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());

        marker.setId("fleet-query-marker");
        marker.getStyleClass().add("query-marker");
        marker.setManaged(false);
        marker.setVisible(false);
        list.setId("fleet-query-suggestions");
        list.getStyleClass().add("query-suggestions");
        list.setManaged(false);
        list.setVisible(false);
        list.setFocusTraversable(false);
        list.setFixedCellSize(LIST_ROW);
        list.setItems(model.suggestions());
        list.setCellFactory(view -> new SuggestionCell());
        list.setOnMouseClicked(event -> {
            Completion chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.accept(chosen);
                field.requestFocus();
            }
        });
        overlay.getChildren().addAll(list, marker);

        wire();
    }

    private static StyleClassedTextField newField() {
        RichTextLoading.ensureLoaded();
        return new StyleClassedTextField();
    }

    Node node() {
        return box;
    }

    /** The problem's message, for the Fleet view to lay under the bar. */
    Node problemNode() {
        return problem;
    }

    /** Why a query that ran may find nothing, for the Fleet view to lay under the bar. */
    Node hintNode() {
        return hint;
    }

    void focus() {
        field.requestFocus();
    }

    private void wire() {
        field.textProperty().addListener((obs, old, text) -> {
            if (!syncing) {
                model.edited(text, field.getCaretPosition());
            }
        });
        field.caretPositionProperty().addListener((obs, old, caret) -> {
            if (!syncing) {
                model.edited(field.getText(), caret);
            }
        });
        model.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(field.getText())) {
                syncing = true;
                try {
                    field.replaceText(text);
                    field.moveTo(Math.min(model.caretProperty().get(), text.length()));
                } finally {
                    syncing = false;
                }
            }
        });
        model.caretProperty().addListener((obs, old, caret) -> {
            if (caret.intValue() != field.getCaretPosition() && caret.intValue() <= field.getLength()) {
                syncing = true;
                try {
                    field.moveTo(caret.intValue());
                } finally {
                    syncing = false;
                }
            }
        });
        model.spansProperty().addListener((obs, old, spans) -> restyle());
        model.problemProperty().addListener((obs, old, wrong) -> showProblem(wrong));
        model.suggestingProperty().addListener((obs, old, showing) -> placeList());
        model.suggestions().addListener((javafx.collections.ListChangeListener<Completion>) change -> placeList());
        model.selectedProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                list.getSelectionModel().select(index.intValue());
                list.scrollTo(Math.max(0, index.intValue() - 3));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        field.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                model.dismiss();
            }
        });
        // on the bar, not the field: RichTextFX's own filter on the field moves the focus on Tab before ours would run
        box.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getTarget() == field) {
                keyPressed(event);
            }
        });
        field.setOnAction(event -> model.run());
    }

    private void keyPressed(KeyEvent event) {
        boolean open = model.suggestingProperty().get();
        KeyCode code = event.getCode();
        if (code == KeyCode.DOWN) {
            if (open) {
                model.moveSelection(1);
            } else {
                model.askForSuggestions();
            }
        } else if (code == KeyCode.UP && open) {
            model.moveSelection(-1);
        } else if (code == KeyCode.SPACE && event.isControlDown()) {
            model.askForSuggestions();
        } else if (code == KeyCode.TAB && open) {
            model.acceptSelected();
        } else if (code == KeyCode.ENTER) {
            if (!(open && takesEffect() && model.acceptSelected())) {
                model.run();
            }
        } else if (code == KeyCode.ESCAPE && open) {
            model.dismiss();
        } else {
            return;
        }
        event.consume();
    }

    /** Whether taking the selected suggestion changes the query; Enter runs a query the suggestion would not change. */
    private boolean takesEffect() {
        int index = model.selectedProperty().get();
        if (index < 0 || index >= model.suggestions().size()) {
            return false;
        }
        String text = model.textProperty().get();
        return !model.suggestions().get(index).applyTo(text).strip().equals(text.strip());
    }

    private void restyle() {
        String text = field.getText();
        if (text.isEmpty()) {
            return;
        }
        QueryProblem wrong = model.problemProperty().get();
        int[] mark = wrong == null ? null : markedRange(text, wrong.position());
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        int at = 0;
        for (QuerySpan span : model.spansProperty().get()) {
            int start = Math.min(span.start(), text.length());
            int end = Math.min(span.end(), text.length());
            if (start > at) {
                add(styles, "query-space", at, start, mark);
            }
            add(styles, "query-" + span.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), start, end, mark);
            at = Math.max(at, end);
        }
        if (at < text.length()) {
            add(styles, "query-space", at, text.length(), mark);
        }
        StyleSpans<Collection<String>> built = styles.create();
        field.setStyleSpans(0, built);
    }

    /** Adds {@code from..to} in {@code style}, the part inside the marked range with the error style as well. */
    private static void add(
            StyleSpansBuilder<Collection<String>> styles, String style, int from, int to, int @Nullable [] mark) {
        if (to <= from) {
            return;
        }
        if (mark == null || to <= mark[0] || from >= mark[1]) {
            styles.add(Set.of(style), to - from);
            return;
        }
        int markFrom = Math.max(from, mark[0]);
        int markTo = Math.min(to, mark[1]);
        if (markFrom > from) {
            styles.add(Set.of(style), markFrom - from);
        }
        styles.add(Set.of(style, "query-error-mark"), markTo - markFrom);
        if (to > markTo) {
            styles.add(Set.of(style), to - markTo);
        }
    }

    /** The characters to underline: the word at the problem, or the last one when the problem is the query's end. */
    static int[] markedRange(String text, int position) {
        int start = Math.min(position, text.length());
        if (start >= text.length() || Character.isWhitespace(text.charAt(start))) {
            int end = start;
            while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            end = start;
            start = Math.max(0, start - 1);
            return new int[] {start, Math.max(end, start + 1)};
        }
        int end = start + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new int[] {start, end};
    }

    private void showProblem(QueryProblem wrong) {
        restyle();
        if (wrong == null) {
            problem.setVisible(false);
            marker.setVisible(false);
            return;
        }
        // the parser's messages name the column; one that does not gets it in front
        problem.setText(
                wrong.message().contains("column")
                        ? wrong.message()
                        : Texts.get("fleet.query.problem", wrong.column(), wrong.message()));
        problem.setVisible(true);
        String text = field.getText();
        int position = Math.min(wrong.position(), text.length());
        // under the column itself; at the end of the query, just after its last character
        var bounds = position < text.length()
                ? field.getCharacterBoundsOnScreen(position, position + 1).map(b -> b.getMinX())
                : text.isEmpty()
                        ? Optional.<Double>empty()
                        : field.getCharacterBoundsOnScreen(text.length() - 1, text.length())
                                .map(Bounds::getMaxX);
        Bounds fieldOnScreen = field.localToScreen(field.getBoundsInLocal());
        if (bounds.isEmpty() || fieldOnScreen == null) {
            marker.setVisible(false);
            return;
        }
        Point2D at = overlay.screenToLocal(bounds.get() + (position < text.length() ? 3 : 1), fieldOnScreen.getMaxY());
        marker.relocate(at.getX() - 5, at.getY() - 6);
        marker.setVisible(true);
        marker.toFront();
    }

    private void placeList() {
        boolean show = model.suggestingProperty().get() && !model.suggestions().isEmpty();
        if (!show) {
            list.setVisible(false);
            return;
        }
        Bounds fieldOnScreen = field.localToScreen(field.getBoundsInLocal());
        if (fieldOnScreen == null) {
            return;
        }
        Point2D below = overlay.screenToLocal(fieldOnScreen.getMinX(), fieldOnScreen.getMaxY() + 2);
        double x = below.getX();
        int wordStart = model.suggestions().getFirst().from();
        if (wordStart > 0 && wordStart <= field.getLength()) {
            var start = field.getCharacterBoundsOnScreen(wordStart - 1, wordStart);
            if (start.isPresent()) {
                x = overlay.screenToLocal(start.get().getMaxX(), 0).getX() - 8;
            }
        }
        double width = Math.max(LIST_WIDTH, Math.min(640, field.getWidth() / 2));
        x = Math.max(0, Math.min(x, overlay.getWidth() - width - 8));
        double height = Math.min(model.suggestions().size(), 10) * LIST_ROW + 10;
        list.resizeRelocate(x, below.getY(), width, height);
        list.getSelectionModel().select(model.selectedProperty().get());
        list.setVisible(true);
        list.toFront();
    }

    /** One suggestion: what it puts in, and quieter, what it is (a field's type, how many things have a value). */
    private static final class SuggestionCell extends ListCell<Completion> {

        private final Label label = new Label();
        private final Label detail = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox row;

        SuggestionCell() {
            label.getStyleClass().add("query-suggestion-label");
            label.setMinWidth(0);
            detail.getStyleClass().add("query-suggestion-detail");
            detail.setMinWidth(Region.USE_PREF_SIZE);
            icon.getStyleClass().add("query-suggestion-icon");
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, icon, label, gap, detail);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Completion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            label.setText(item.label());
            detail.setText(item.kind() == Completion.Kind.SAVED ? shorten(item.detail()) : item.detail());
            icon.setIconCode(
                    switch (item.kind()) {
                        case FIELD -> MaterialDesignM.MAGNIFY_EXPAND;
                        case VALUE -> MaterialDesignT.TAG_OUTLINE;
                        case SAVED -> MaterialDesignS.STAR_OUTLINE;
                        case RECENT -> MaterialDesignH.HISTORY;
                    });
            setText(null);
            setGraphic(row);
        }

        private static String shorten(String text) {
            return text.length() <= 36 ? text : text.substring(0, 35) + "\u2026";
        }
    }

    /** For tests: the suggestions shown, as the list has them. */
    List<Completion> shownSuggestions() {
        return list.isVisible() ? List.copyOf(list.getItems()) : List.of();
    }
}
