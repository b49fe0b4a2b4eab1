package io.fleetdeck.index;

import java.util.Objects;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;

/**
 * The order of a search's results: by a field's value (a number field numerically, any other by its text in Unicode
 * order), up or down, things without the field last either way, ties by name.
 */
public record SearchSort(String field, boolean descending) {

    public static final SearchSort BY_NAME = new SearchSort(DocumentEncoding.THING_NAME, false);

    public SearchSort {
        Objects.requireNonNull(field, "field");
    }

    Sort toLucene(IndexReader reader) {
        if (field.equals(DocumentEncoding.THING_NAME)) {
            return descending
                    ? new Sort(new SortField(DocumentEncoding.THING_NAME, SortField.Type.STRING, true))
                    : DocumentEncoding.BY_THING_NAME;
        }
        return new Sort(
                byValue(FieldInfos.getMergedFieldInfos(reader)),
                DocumentEncoding.BY_THING_NAME.getSort()[0]);
    }

    private SortField byValue(FieldInfos fields) {
        String number = DocumentEncoding.numberField(field);
        if (fields.fieldInfo(number) != null) {
            SortedNumericSortField byNumber = new SortedNumericSortField(number, SortField.Type.DOUBLE, descending);
            byNumber.setMissingValue(descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            return byNumber;
        }
        SortedSetSortField byText = new SortedSetSortField(DocumentEncoding.keywordField(field), descending);
        byText.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        return byText;
    }
}
