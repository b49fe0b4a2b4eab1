package io.fleetdeck.index;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The limits AWS puts on a query (AWS-IOT-BEHAVIOUR §3.6 and §3.3), checked while it is parsed: at most
 * 1000 bytes, 12 terms, 2 {@code *} and 5 {@code ?} in a term, and a leading wildcard in one term only,
 * and then in a query of at most 100 characters.
 *
 * <p>One instance per parse.
 */
final class QueryLimits {

    static final int MAX_BYTES = 1000;
    static final int MAX_TERMS = 12;
    static final int MAX_STARS_PER_TERM = 2;
    static final int MAX_QUESTION_MARKS_PER_TERM = 5;
    static final int MAX_CHARS_WITH_LEADING_WILDCARD = 100;

    private final String query;
    private int terms;
    private @Nullable Token leadingWildcard;

    QueryLimits(String query) {
        this.query = query;
    }

    /** Checks the length before parsing, which also bounds how deep the parser can recurse. */
    void checkLength() throws QueryException {
        int bytes = 0;
        for (int i = 0; i < query.length(); ) {
            int c = query.codePointAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes > MAX_BYTES) {
                int total = bytes + utf8Length(query.substring(i + Character.charCount(c)));
                throw new QueryException(
                        query,
                        i,
                        String.format(
                                Locale.ROOT,
                                "the query is %d bytes long; at most %d are allowed (the excess starts at column %d)",
                                total,
                                MAX_BYTES,
                                QueryException.columnOf(query, i)));
            }
            i += Character.charCount(c);
        }
    }

    /** Counts one term: a value, a range, a comparison, an existence test or {@code *}. */
    void term(Token token) throws QueryException {
        if (++terms > MAX_TERMS) {
            throw new QueryException(
                    query,
                    token.start(),
                    String.format(
                            Locale.ROOT,
                            "too many terms: at most %d in a query, and %s at column %d is the %dth",
                            MAX_TERMS,
                            token.describe(),
                            QueryException.columnOf(query, token.start()),
                            terms));
        }
    }

    /** Checks a value with unescaped wildcards. */
    void wildcard(Token word) throws QueryException {
        int stars = 0;
        int questionMarks = 0;
        for (int i = word.wildcards().nextSetBit(0);
                i >= 0;
                i = word.wildcards().nextSetBit(i + 1)) {
            if (word.text().charAt(i) == '*') {
                stars++;
            } else {
                questionMarks++;
            }
        }
        if (stars > MAX_STARS_PER_TERM) {
            throw tooMany(word, "'*'", MAX_STARS_PER_TERM);
        }
        if (questionMarks > MAX_QUESTION_MARKS_PER_TERM) {
            throw tooMany(word, "'?'", MAX_QUESTION_MARKS_PER_TERM);
        }
        if (word.wildcards().get(0)) {
            if (leadingWildcard != null) {
                throw new QueryException(
                        query,
                        word.start(),
                        String.format(
                                Locale.ROOT,
                                "only one term may start with a wildcard: %s at column %d is the second, after %s at column %d",
                                word.describe(),
                                QueryException.columnOf(query, word.start()),
                                leadingWildcard.describe(),
                                QueryException.columnOf(query, leadingWildcard.start())));
            }
            leadingWildcard = word;
        }
    }

    /** Checks what can only be judged on the whole query. */
    void finish() throws QueryException {
        int length = query.codePointCount(0, query.length());
        if (leadingWildcard != null && length > MAX_CHARS_WITH_LEADING_WILDCARD) {
            throw new QueryException(
                    query,
                    leadingWildcard.start(),
                    String.format(
                            Locale.ROOT,
                            "a query with a leading wildcard (%s at column %d) may have at most %d characters; this one has %d",
                            leadingWildcard.describe(),
                            QueryException.columnOf(query, leadingWildcard.start()),
                            MAX_CHARS_WITH_LEADING_WILDCARD,
                            length));
        }
    }

    private QueryException tooMany(Token word, String what, int max) {
        return new QueryException(
                query,
                word.start(),
                String.format(
                        Locale.ROOT,
                        "too many %s in %s at column %d: at most %d in a term",
                        what,
                        word.describe(),
                        QueryException.columnOf(query, word.start()),
                        max));
    }

    private static int utf8Length(String text) {
        return org.apache.lucene.util.UnicodeUtil.calcUTF16toUTF8Length(text, 0, text.length());
    }
}
