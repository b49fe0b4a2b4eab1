package io.fleetdeck.views.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.jspecify.annotations.Nullable;

/**
 * A table cell that shows a text made from its whole row, with an optional tooltip and style class. Columns made of
 * it hand the row itself to the cell, so a cell costs one text and no bindings, which keeps 100,000 rows cheap.
 */
public final class TextCell<S> extends TableCell<S, S> {

    /** As wide as a flexible column gets: wider than any screen, small enough to add up without overflowing. */
    private static final double FLEXIBLE_MAX_WIDTH = 8_000;

    private final Function<S, @Nullable String> text;
    private final @Nullable Function<S, @Nullable String> tooltipText;
    private final @Nullable Function<S, @Nullable String> styleClass;
    /** Made at the first hover: a tooltip is a window of its own, too dear to make for every cell of a full table. */
    private @Nullable Tooltip tooltip;

    private @Nullable String appliedStyleClass;
    /* held by the cell, listened to weakly: a cell the table lets go of stops being written again */
    private @Nullable ChangeListener<Object> redraw;

    private TextCell(
            Function<S, @Nullable String> text,
            @Nullable Function<S, @Nullable String> tooltipText,
            @Nullable Function<S, @Nullable String> styleClass) {
        this.text = text;
        this.tooltipText = tooltipText;
        this.styleClass = styleClass;
        if (tooltipText != null) {
            setOnMouseEntered(event -> updateTooltip());
        }
    }

    /**
     * A column of {@code width} pixels (it may grow a quarter) showing {@code text} of each row; it does not sort by
     * itself (the view model sorts off the JavaFX thread).
     *
     * @param tooltipText the tooltip of a cell, null for none
     * @param styleClass a style class for a cell, null or empty for none
     */
    public static <S> TableColumn<S, S> column(
            String title,
            double width,
            Function<S, @Nullable String> text,
            @Nullable Function<S, @Nullable String> tooltipText,
            @Nullable Function<S, @Nullable String> styleClass) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setMaxWidth(width * 1.25);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TextCell<>(text, tooltipText, styleClass));
        return column;
    }

    /** As {@link #column}, taking the width the others leave; {@code width} at first, half of it in a small window. */
    public static <S> TableColumn<S, S> flexible(
            String title,
            double width,
            Function<S, @Nullable String> text,
            @Nullable Function<S, @Nullable String> tooltipText,
            @Nullable Function<S, @Nullable String> styleClass) {
        TableColumn<S, S> column = column(title, width, text, tooltipText, styleClass);
        column.setMinWidth(Math.max(80, width / 2));
        // finite: the constrained resize policy adds the maxima up, and two Double.MAX_VALUEs make infinity, after
        // which it leaves every column at its minimum
        column.setMaxWidth(FLEXIBLE_MAX_WIDTH);
        return column;
    }

    /**
     * Writes the column's cells on screen again whenever {@code now} moves, for texts relative to it ({@code 12 s
     * ago}): the view's one timeline moves it, and no cell keeps a timer.
     */
    public static <S> TableColumn<S, S> redrawnOn(TableColumn<S, S> column, ObservableValue<?> now) {
        var cells = column.getCellFactory();
        column.setCellFactory(c -> {
            var cell = cells.call(c);
            if (cell instanceof TextCell<S> text) {
                text.redraw = (obs, old, moved) -> text.redraw();
                now.addListener(new WeakChangeListener<>(text.redraw));
            }
            return cell;
        });
        return column;
    }

    private void redraw() {
        S row = getItem();
        if (!isEmpty() && row != null) {
            setText(text.apply(row));
            if (getTooltip() != null) {
                updateTooltip();
            }
        }
    }

    /** Shortens the column's texts in the middle, where long names that share a prefix differ. */
    public static <S> TableColumn<S, S> centreEllipsis(TableColumn<S, S> column) {
        var cells = column.getCellFactory();
        column.setCellFactory(c -> {
            var cell = cells.call(c);
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        return column;
    }

    /** Shows the tooltip of the row in the cell now, made when first needed. */
    private void updateTooltip() {
        S row = getItem();
        Function<S, @Nullable String> tips = tooltipText;
        String tip = row == null || isEmpty() || tips == null ? null : tips.apply(row);
        if (tip == null || tip.isEmpty()) {
            setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(640);
        }
        tooltip.setText(tip);
        setTooltip(tooltip);
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        if (appliedStyleClass != null) {
            getStyleClass().remove(appliedStyleClass);
            appliedStyleClass = null;
        }
        if (empty || row == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(text.apply(row));
        if (getTooltip() != null) {
            updateTooltip();
        }
        Function<S, @Nullable String> styles = styleClass;
        String style = styles == null ? null : styles.apply(row);
        if (style != null && !style.isEmpty()) {
            getStyleClass().add(style);
            appliedStyleClass = style;
        }
    }
}
