package io.fleetdeck.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** {@code --output json|text} of a listing command: JSON as the AWS CLI prints it, or aligned columns to read. */
final class OutputOption {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As the AWS CLI prints: four spaces a level, one after each colon, one item a line. */
    private static final DefaultPrettyPrinter AWS_CLI_LAYOUT = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));

    /** Lower case, as typed on the command line and as the AWS CLI spells its own {@code --output} values. */
    enum Format {
        json,
        text
    }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String print(ObjectNode answer) {
        try {
            return JSON.writer(AWS_CLI_LAYOUT).writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always prints", e);
        }
    }
}
