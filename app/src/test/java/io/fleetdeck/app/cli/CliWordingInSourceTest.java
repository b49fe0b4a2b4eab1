package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No sentence for the user is written into the CLI's code: a string literal of two words or more fails, so a new
 * outcome line or refusal goes into the bundles, where it gets its German. Commands ("fleetdeck thing list", the
 * examples), the log and a programmer's own errors (IllegalStateException) are not for the user to read in German.
 */
class CliWordingInSourceTest {

    private static final Path SOURCES = Path.of("src/main/java/io/fleetdeck/app/cli");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,}");
    private static final Pattern NOT_FOR_THE_USER = Pattern.compile(
            "^\\s*(//|\\*|/\\*)|log\\.(trace|debug|info|warn|error)\\(|Illegal(State|Argument)Exception\\("
                    + "|shutdown\\.request\\(");

    @Test
    void everySentenceForTheUserIsInTheBundles() throws IOException {
        assertThat(SOURCES).as("the CLI's sources, from the app module").isDirectory();
        List<String> hardCoded = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int number = 0; number < lines.size(); number++) {
                    proseIn(lines.get(number)).forEach(prose -> hardCoded.add(file.getFileName() + ":" + prose));
                }
            }
        }

        assertThat(hardCoded).as("words for the user written into the code").isEmpty();
    }

    private static List<String> proseIn(String line) {
        if (NOT_FOR_THE_USER.matcher(line).find()) {
            return List.of();
        }
        List<String> prose = new ArrayList<>();
        Matcher literal = LITERAL.matcher(line);
        while (literal.find()) {
            String text = literal.group();
            if (PROSE.matcher(text).find() && !text.startsWith("\"fleetdeck ")) {
                prose.add(text);
            }
        }
        return prose;
    }
}
