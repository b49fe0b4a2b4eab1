package io.fleetdeck.views.certificates;

import io.fleetdeck.views.common.TextCell;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import org.jspecify.annotations.Nullable;

/**
 * The Certificates view's columns: {@link TextCell}s, sorted by their text when the user clicks a heading (these
 * tables are small enough to sort on the JavaFX thread, unlike the Fleet table).
 */
final class RowCell {

    private RowCell() {}

    /** A column of {@code width} pixels (it may grow a quarter) showing {@code text} of each row. */
    static <S> TableColumn<S, S> column(
            String title,
            double width,
            Function<S, @Nullable String> text,
            @Nullable Function<S, @Nullable String> tooltipText,
            @Nullable Function<S, @Nullable String> styleClass) {
        return sortedByText(TextCell.column(title, width, text, tooltipText, styleClass), text);
    }

    /** As {@link #column}, taking the width the others leave. */
    static <S> TableColumn<S, S> flexibleColumn(
            String title,
            double width,
            Function<S, @Nullable String> text,
            @Nullable Function<S, @Nullable String> tooltipText,
            @Nullable Function<S, @Nullable String> styleClass) {
        return sortedByText(TextCell.flexible(title, width, text, tooltipText, styleClass), text);
    }

    /** Shortens the column's texts in the middle, where long names that share a prefix differ at the end. */
    static <S> TableColumn<S, S> centreEllipsis(TableColumn<S, S> column) {
        return TextCell.centreEllipsis(column);
    }

    private static <S> TableColumn<S, S> sortedByText(TableColumn<S, S> column, Function<S, @Nullable String> text) {
        column.setComparator((a, b) ->
                String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(text.apply(a)), String.valueOf(text.apply(b))));
        return column;
    }
}
