package io.fleetdeck.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of all the string values of one field, already cut by {@link Tokens}, handed to Lucene
 * without an analyzer. Each value after the first starts one position further than its predecessor's
 * last token + 1, so a phrase never matches across two array elements (or two fields of the catch-all),
 * just as the in-memory matcher looks for a phrase inside one value at a time.
 *
 * <p>Consumed once, by the {@code IndexWriter} that indexes the document holding it.
 */
final class ValueTokenStream extends TokenStream {

    private static final int GAP_BETWEEN_VALUES = 1;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> increments = new ArrayList<>();
    private boolean valueStarts;
    private int next;

    /** Appends the tokens of one more value. */
    void addValue(List<String> valueTokens) {
        valueStarts = true;
        for (var token : valueTokens) {
            increments.add(valueStarts && !tokens.isEmpty() ? 1 + GAP_BETWEEN_VALUES : 1);
            tokens.add(token);
            valueStarts = false;
        }
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(tokens.get(next));
        increment.setPositionIncrement(increments.get(next));
        next++;
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }
}
