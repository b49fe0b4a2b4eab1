package io.fleetdeck.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's hard-coded-label check: a control given its words as a literal in the code ({@code new
 * Button("Save")}, {@code setPromptText("Search…")}) shows English to a German user. Its words come from the bundles
 * ({@link Texts}); a literal may only be the product's name or hold no word at all (a dash, a bullet).
 */
class HardCodedLabelsTest {

    private static final Pattern LABEL_LITERAL = Pattern.compile("(?:new (?:Label|Button|Tab|MenuItem|Menu|CheckBox"
            + "|Tooltip|TitledPane|ToggleButton|Hyperlink|RadioButton|Text|TableColumn<[^>]*>|TreeTableColumn<[^>]*>)\\("
            + "|\\.set(?:Text|PromptText|Title|HeaderText|ContentText|AccessibleText|AccessibleHelp)\\()"
            + "\"([^\"]*)\"");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9a-fA-F]{4}");
    private static final Set<String> NAMES = Set.of("Fleetdeck");

    @Test
    void noControlTakesItsWordsFromALiteral() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = LABEL_LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        if (isWords(literal.group(1))) {
                            found.add(source.getFileName() + ":" + (i + 1) + " \"" + literal.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("labels written into the code instead of the bundles")
                .isEmpty();
    }

    @Test
    void theCheckFindsALabelWrittenIntoTheCode() {
        Matcher literal = LABEL_LITERAL.matcher("Button save = new Button(\"Save\");");
        assertThat(literal.find()).isTrue();
        assertThat(isWords(literal.group(1))).isTrue();
        assertThat(isWords("\\u2013")).as("a dash is no word").isFalse();
        assertThat(isWords("Fleetdeck")).as("the product's name").isFalse();
    }

    private static boolean isWords(String literal) {
        String text = UNICODE_ESCAPE.matcher(literal).replaceAll("");
        return !NAMES.contains(text) && text.chars().anyMatch(Character::isLetter);
    }
}
