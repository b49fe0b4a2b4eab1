package io.fleetdeck.views.fleet;

import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexField.ValueType;
import io.fleetdeck.api.search.IndexSearch;
import io.fleetdeck.api.search.QueryHint;
import io.fleetdeck.api.search.QueryProblem;
import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.ValueCount;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.settings.SavedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fleet view's query bar: the query as typed and its colours, what is wrong with it once run and where, the
 * suggestions for the word at the caret (field names, then the values of the field named), and the recent and saved
 * queries. Enter runs the query: a good one narrows the table and goes first in the recent list, a bad one shows its
 * problem and leaves the table as it was. Index reads (fields, values) run on {@code worker}; the answers come back on
 * {@code fxThread} and are dropped when the user has typed on. Owned by the JavaFX thread.
 */
public final class QueryBarModel {

    private static final Logger log = LoggerFactory.getLogger(QueryBarModel.class);
    /** A list longer than this is scrolled, not read. */
    static final int MAX_SUGGESTIONS = 12;
    /** A value with any of these (or whitespace) is put in quotes so the parser reads it as one value. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s()\\[\\]{}\":<>=&|!^~*?+-]");
    /** AWS-IOT-BEHAVIOUR §3.3: a query can't hold these even quoted, so a value with one is not offered. */
    private static final Pattern UNSEARCHABLE = Pattern.compile("[`@#%\\\\/';,]");

    private final FleetSearchService search;
    private final FleetViewModel fleet;
    private final QueryHistory history;
    private final Executor worker;
    private final Executor fxThread;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper caret = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<List<QuerySpan>> spans = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<QueryProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ObservableList<Completion> suggestions = FXCollections.observableArrayList();
    /** The text the suggestions shown were made for: their places are places in it. */
    private String suggestedFor = "";

    private final ObservableList<Completion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper suggesting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<List<IndexField>> fields = new ReadOnlyObjectWrapper<>(List.of());

    /** Moves on with every edit, so an answer for older text is dropped. */
    private long edits;
    /** The text changed and the caret has not moved since: the next caret move belongs to the same keystroke. */
    private boolean typed;

    public QueryBarModel(
            FleetSearchService search, FleetViewModel fleet, QueryHistory history, Executor worker, Executor fxThread) {
        this.search = Objects.requireNonNull(search, "search");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.history = Objects.requireNonNull(history, "history");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        readFields();
    }

    // --- commands

    /** The user typed, pasted or moved the caret: new colours, and suggestions for the word at the caret. */
    public void edited(String newText, int newCaret) {
        boolean changed = !newText.equals(text.get());
        text.set(newText);
        caret.set(Math.clamp(newCaret, 0, newText.length()));
        if (changed) {
            edits++;
            spans.set(search.querySpans(newText));
            problem.set(null);
            typed = true;
            suggest(false);
        } else if (suggesting.get() || typed) {
            // a text field moves its caret just after its text changes: suggest again for the word it is now in
            typed = false;
            suggest(false);
        }
    }

    /** Ctrl+Space or Down with no list open: suggestions even for an empty word, the history for an empty query. */
    public void askForSuggestions() {
        suggest(true);
    }

    public void moveSelection(int by) {
        if (!suggestions.isEmpty()) {
            selected.set(Math.floorMod(selected.get() + by, suggestions.size()));
        }
    }

    /**
     * Takes the selected suggestion; returns false when none is shown, or when the list still shows what was suggested
     * for an earlier text (a fast typist is ahead of the index's answer): its places would cut the query where it no
     * longer stands, so it is asked again instead.
     */
    public boolean acceptSelected() {
        if (!suggesting.get() || selected.get() < 0 || selected.get() >= suggestions.size()) {
            return false;
        }
        if (!text.get().equals(suggestedFor)) {
            suggest(false);
            return false;
        }
        accept(suggestions.get(selected.get()));
        return true;
    }

    public void accept(Completion completion) {
        String next = completion.applyTo(text.get());
        dismiss();
        edited(next, completion.caretAfter());
        if (completion.kind() == Completion.Kind.RECENT || completion.kind() == Completion.Kind.SAVED) {
            run();
        } else if (completion.kind() == Completion.Kind.FIELD) {
            suggest(true); // straight on to the field's values
        }
    }

    public void dismiss() {
        edits++;
        typed = false;
        suggesting.set(false);
        suggestions.clear();
        selected.set(-1);
    }

    /** Runs the query as typed: the table narrows to what it finds, or the problem shows and the table stays. */
    public void run() {
        dismiss();
        String query = text.get().strip();
        if (query.isEmpty()) {
            problem.set(null);
            hint.set("");
            fleet.search("");
            return;
        }
        // checked as typed, spaces and all, so the position is where the user sees it
        Optional<QueryProblem> wrong = search.queryProblem(text.get());
        if (wrong.isPresent()) {
            problem.set(wrong.get());
            hint.set("");
            return;
        }
        problem.set(null);
        history.ran(query);
        fleet.search(query);
        readFields(); // a new attribute or shadow key may have come in since
        readHints(query);
    }

    /** Fields the query names that no thing has: it ran, but the user should know why it may find nothing. */
    private void readHints(String query) {
        hint.set("");
        worker.execute(() -> {
            try {
                String said = search.unknownFields(IndexSearch.THINGS, query).stream()
                        .map(QueryHint::message)
                        .collect(Collectors.joining(System.lineSeparator()));
                fxThread.execute(() -> {
                    if (query.equals(text.get().strip())) {
                        hint.set(said);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not check the query's fields", e);
            }
        });
    }

    /** Puts {@code query} in the bar and runs it: a recent or saved one, picked from the menu. */
    public void run(String query) {
        edited(query, query.length());
        run();
    }

    /** Keeps the query in the bar under {@code name}. */
    public void save(String name) {
        String query = text.get().strip();
        if (!name.isBlank() && !query.isEmpty()) {
            history.save(name, query);
        }
    }

    // --- suggestions

    private void suggest(boolean asked) {
        String query = text.get();
        int at = caret.get();
        if (query.isBlank()) {
            show(asked ? historySuggestions(query) : List.of());
            return;
        }
        CompletionPlace place = CompletionPlace.at(query, at, spans.get());
        if (place == null || (!asked && !place.isValue() && place.prefix().isEmpty())) {
            show(List.of());
            return;
        }
        String field = place.field();
        if (field == null) {
            suggestFields(place);
            return;
        }
        long edit = edits;
        worker.execute(() -> {
            List<ValueCount> values;
            try {
                values = search.topValues(field, place.prefix(), MAX_SUGGESTIONS);
            } catch (RuntimeException e) {
                log.warn("Could not read the values of {} to suggest", field, e);
                values = List.of();
            }
            List<ValueCount> found = values;
            fxThread.execute(() -> {
                if (edit == edits) {
                    show(valueSuggestions(place, found));
                }
            });
        });
    }

    private void show(List<Completion> list) {
        suggestedFor = text.get();
        suggestions.setAll(list);
        selected.set(list.isEmpty() ? -1 : 0);
        suggesting.set(!list.isEmpty());
    }

    /**
     * Offers the field names the word starts, first from the fields known, then again once the index has said which
     * fields it holds now: the index learns a field with the first thing that has it, often after the bar opened
     * (at start the fleet is still being read), so a list read once would miss the fleet's own attributes.
     */
    private void suggestFields(CompletionPlace place) {
        show(fieldSuggestions(place));
        long edit = edits;
        worker.execute(() -> {
            List<IndexField> read;
            try {
                read = List.copyOf(search.indexedFields());
            } catch (RuntimeException e) {
                log.warn("Could not read the fleet's fields to suggest", e);
                return;
            }
            fxThread.execute(() -> {
                if (!read.equals(fields.get())) {
                    fields.set(read);
                    if (edit == edits) {
                        show(fieldSuggestions(place));
                    }
                }
            });
        });
    }

    /** Every field whose path, or a part of it after a dot, starts with the word: whole-path matches first. */
    private List<Completion> fieldSuggestions(CompletionPlace place) {
        String word = place.prefix().toLowerCase(Locale.ROOT);
        return fields.get().stream()
                .filter(field -> rank(field.path(), word) < 2)
                .sorted(Comparator.comparingInt((IndexField field) -> rank(field.path(), word))
                        .thenComparing(IndexField::path))
                .map(field -> new Completion(
                        Completion.Kind.FIELD,
                        field.path(),
                        typeText(field),
                        field.path() + ":",
                        place.from(),
                        place.to()))
                .toList();
    }

    private static int rank(String path, String word) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith(word)) {
            return 0;
        }
        return lower.contains("." + word) ? 1 : 2;
    }

    private static String typeText(IndexField field) {
        List<String> names = new ArrayList<>();
        for (ValueType type : ValueType.values()) {
            if (field.has(type)) {
                names.add(
                        switch (type) {
                            case STRING -> Texts.get("fleet.valueType.string");
                            case NUMBER -> Texts.get("fleet.valueType.number");
                            case BOOLEAN -> Texts.get("fleet.valueType.boolean");
                        });
            }
        }
        return String.join(Texts.get("fleet.valueType.or"), names);
    }

    private List<Completion> valueSuggestions(CompletionPlace place, List<ValueCount> values) {
        boolean atEnd = place.to() >= text.get().length();
        return values.stream()
                .filter(value -> !UNSEARCHABLE.matcher(value.value()).find())
                .map(value -> new Completion(
                        Completion.Kind.VALUE,
                        value.value(),
                        Texts.get("fleet.count", value.count()),
                        quoted(value.value()) + (atEnd ? " " : ""),
                        place.from(),
                        place.to()))
                .toList();
    }

    private static String quoted(String value) {
        return NEEDS_QUOTES.matcher(value).find() ? "\"" + value.replace("\"", "\\\"") + "\"" : value;
    }

    private List<Completion> historySuggestions(String query) {
        List<Completion> list = new ArrayList<>();
        for (SavedQuery kept : history.saved()) {
            list.add(new Completion(Completion.Kind.SAVED, kept.name(), kept.query(), kept.query(), 0, query.length()));
        }
        for (String recent : history.recent()) {
            list.add(new Completion(
                    Completion.Kind.RECENT, recent, Texts.get("fleet.query.recent"), recent, 0, query.length()));
        }
        return list.subList(0, Math.min(list.size(), MAX_SUGGESTIONS * 2));
    }

    private void readFields() {
        worker.execute(() -> {
            try {
                List<IndexField> read = List.copyOf(search.indexedFields());
                fxThread.execute(() -> fields.set(read));
            } catch (RuntimeException e) {
                log.warn("Could not read the fleet's fields to suggest", e);
            }
        });
    }

    // --- properties

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty caretProperty() {
        return caret.getReadOnlyProperty();
    }

    /** The coloured parts of the text. */
    public ReadOnlyObjectProperty<List<QuerySpan>> spansProperty() {
        return spans.getReadOnlyProperty();
    }

    /** Why the query last run does not run, and where; null when it ran or has been edited since. */
    /** Why the query that ran may find nothing (a field no thing has), in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueryProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Completion> suggestions() {
        return suggestionsView;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether the suggestion list is open. */
    public ReadOnlyBooleanProperty suggestingProperty() {
        return suggesting.getReadOnlyProperty();
    }

    /** The fields the fleet can be searched by, for the aggregation pickers too. */
    public ReadOnlyObjectProperty<List<IndexField>> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public QueryHistory history() {
        return history;
    }
}
