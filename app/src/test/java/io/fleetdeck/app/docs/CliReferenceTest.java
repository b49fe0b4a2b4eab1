package io.fleetdeck.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md stays true: it is exactly what the commands print now (issue 15, defect 17). With
 * {@code -Dfleetdeck.cli.reference.write=true} the test writes the page instead of checking it.
 */
class CliReferenceTest {

    @Test
    void theCommandReferenceIsWhatTheCommandsPrint() throws Exception {
        Path page = GuideBlocks.guide("cli.md");
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("fleetdeck.cli.reference.write")) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }

        assertThat(page)
                .as("docs/cli.md exists; write it with: %s", CliReference.REGENERATE)
                .exists();
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("docs/cli.md is what the commands print now; regenerate it with: %s", CliReference.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void everyCommandOfTheTreeHasItsSection() {
        String page = CliReference.markdown();

        assertThat(page)
                .contains("\n## fleetdeck\n")
                .contains("\n## fleetdeck serve\n")
                .contains("\n## fleetdeck thing create\n")
                .contains("Usage: fleetdeck device add");
    }
}
