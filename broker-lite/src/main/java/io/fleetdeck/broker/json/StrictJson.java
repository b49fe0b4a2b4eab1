package io.fleetdeck.broker.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.fleetdeck.broker.json.StrictJsonException.Rule;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON reader for everything a device or an operator sends: shadow updates, job execution updates,
 * provisioning requests and templates, and policy documents. AWS refuses what plain Jackson lets through, so this
 * parser does too: a key given twice, text after the document, a number that overflows a double to Infinity, and a
 * string holding a lone UTF-16 surrogate (from a {@code \ud800} escape) are refused with the rule, line and column,
 * never stored as the last value, {@code "Infinity"} or {@code "?"}. Jackson's grammar is strict already (no comments,
 * single quotes, NaN, leading zeros or raw control characters), and its {@code STRICT_DUPLICATE_DETECTION} finds the
 * duplicates; the other rules are checked here token by token, so the document is read once.
 *
 * <p>Stateless; any thread. Typical use, with any reader of a Jackson parser (a databind tree, a streaming walk):
 *
 * <pre>{@code
 * JsonNode body = StrictJson.read(payload, parser -> mapper.readTree(parser));
 * }</pre>
 */
public final class StrictJson {

    /** Deep enough for any shadow (6 levels), policy or job document; a bound against stack-eating input. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    /** Jackson 2.x's wording for a duplicate under STRICT_DUPLICATE_DETECTION (DupDetector). */
    private static final Pattern LOW_SURROGATE_IN_KEY =
            Pattern.compile("Unexpected low surrogate in field name: 0x([0-9a-fA-F]{4}).*", Pattern.DOTALL);

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private StrictJson() {}

    /** How a caller reads the document from the checking parser, which is positioned before its first token. */
    @FunctionalInterface
    public interface DocumentReader<T extends @Nullable Object> {
        T read(JsonParser parser) throws IOException;
    }

    /** Reads the one document in {@code json} (UTF-8) with {@code reader}, then requires that nothing follows it. */
    public static <T extends @Nullable Object> T read(byte[] json, DocumentReader<T> reader)
            throws StrictJsonException {
        try (CheckingParser parser = new CheckingParser(FACTORY.createParser(json))) {
            return readWhole(parser, reader);
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** Reads the one document in {@code json} with {@code reader}, then requires that nothing follows it. */
    public static <T extends @Nullable Object> T read(String json, DocumentReader<T> reader)
            throws StrictJsonException {
        try (CheckingParser parser = new CheckingParser(FACTORY.createParser(json))) {
            return readWhole(parser, reader);
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    private static <T extends @Nullable Object> T readWhole(CheckingParser parser, DocumentReader<T> reader)
            throws IOException, StrictJsonException {
        T document = reader.read(parser);
        // not currentToken(): databind clears it after reading a root value
        if (!parser.sawToken) {
            throw new StrictJsonException(Rule.EMPTY, 1, 1, "the document is empty");
        }
        JsonLocation end = parser.currentLocation();
        JsonLocation where;
        try {
            if (parser.nextToken() == null) {
                return document;
            }
            where = parser.currentTokenLocation();
        } catch (JsonProcessingException notEvenAToken) {
            where = end; // Jackson places a bad token at its end; say where the document stopped instead
        }
        throw new StrictJsonException(
                Rule.TRAILING_TEXT,
                where == null ? 1 : where.getLineNr(),
                where == null ? 1 : where.getColumnNr(),
                "unexpected text after the end of the document");
    }

    private static StrictJsonException refusal(IOException failure) {
        // databind may wrap what the parser threw; the parser's own refusal is what we report
        for (Throwable inner = failure; inner != null; inner = inner.getCause()) {
            if (inner instanceof Refusal refusal) {
                return refusal.asException();
            }
        }
        Throwable cause = failure;
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JsonProcessingException problem)) {
            return new StrictJsonException(Rule.SYNTAX, 1, 1, "cannot read the document: " + failure.getMessage());
        }
        JsonLocation where = problem.getLocation();
        int line = where == null ? 1 : Math.max(1, where.getLineNr());
        int column = where == null ? 1 : Math.max(1, where.getColumnNr());
        String message = String.valueOf(problem.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            return new StrictJsonException(
                    Rule.DUPLICATE_KEY, line, column, "the key \"" + duplicate.group(1) + "\" appears twice");
        }
        // Jackson 2.23 refuses a key's lone surrogate itself, where the pair should have ended
        Matcher lowSurrogate = LOW_SURROGATE_IN_KEY.matcher(message);
        if (lowSurrogate.matches()) {
            return new StrictJsonException(
                    Rule.LONE_SURROGATE,
                    line,
                    column,
                    "a key holds the lone surrogate \\u" + lowSurrogate.group(1) + ", which is no Unicode character");
        }
        if (message.startsWith("Broken surrogate pair in field name")) {
            return new StrictJsonException(
                    Rule.LONE_SURROGATE, line, column, "a key holds a lone surrogate, which is no Unicode character");
        }
        if (problem instanceof StreamConstraintsException && message.contains("nesting depth")) {
            return new StrictJsonException(
                    Rule.TOO_DEEP, line, column, "nested deeper than " + MAX_NESTING_DEPTH + " levels");
        }
        return new StrictJsonException(Rule.SYNTAX, line, column, message);
    }

    /** A rule of ours broken at one token, raised inside the parser so every reader stops at the same place. */
    private static final class Refusal extends JsonParseException {

        private final Rule rule;
        private final String reason;

        Refusal(JsonParser parser, Rule rule, String reason, JsonLocation where) {
            super(parser, reason, where);
            this.rule = rule;
            this.reason = reason;
        }

        StrictJsonException asException() {
            JsonLocation where = getLocation();
            return new StrictJsonException(rule, where.getLineNr(), where.getColumnNr(), reason);
        }
    }

    /**
     * Checks each token as the reader takes it. Every way of advancing goes through {@link #nextToken}, so no
     * reader (databind's tree builder calls {@code nextFieldName}) can step past a check.
     */
    private static final class CheckingParser extends JsonParserDelegate {

        /** Whether the document had any token at all. */
        boolean sawToken;

        CheckingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public @Nullable JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == null) {
                return null;
            }
            sawToken = true;
            switch (token) {
                case FIELD_NAME -> checkText(delegate.currentName(), "key");
                case VALUE_STRING -> checkText(delegate.getText(), "string");
                case VALUE_NUMBER_FLOAT -> checkFinite();
                default -> {}
            }
            return token;
        }

        @Override
        public @Nullable JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public @Nullable String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public @Nullable String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    return this;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        /** RFC 8259 §8.2: a lone surrogate encodes no character; Java would write it as "?". */
        private void checkText(String text, String what) throws Refusal {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw refuse(
                            Rule.LONE_SURROGATE,
                            "a " + what + " holds the lone surrogate \\u" + Integer.toHexString(c)
                                    + ", which is no Unicode character");
                }
            }
        }

        private void checkFinite() throws IOException {
            if (Double.isInfinite(delegate.getDoubleValue())) {
                throw refuse(
                        Rule.NUMBER_OUT_OF_RANGE,
                        "the number " + abbreviated(delegate.getText()) + " is too large (beyond ±1.8e308)");
            }
        }

        private Refusal refuse(Rule rule, String reason) {
            return new Refusal(this, rule, reason, delegate.currentTokenLocation());
        }

        private static String abbreviated(String number) {
            return number.length() <= 24 ? number : number.substring(0, 20) + "...";
        }
    }
}
