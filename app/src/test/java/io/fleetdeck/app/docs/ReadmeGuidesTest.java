package io.fleetdeck.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README leads to the user guides, and every page it links to in docs/ is there (issue 15, defect 17). */
class ReadmeGuidesTest {

    private static final Pattern DOCS_LINK = Pattern.compile("\\]\\((docs/[^)#]+)");

    @Test
    void theReadmeLinksEveryGuideAndEveryLinkedPageExists() throws Exception {
        Path docs = GuideBlocks.guide("cli.md").getParent();
        String readme = Files.readString(docs.resolveSibling("README.md"));

        assertThat(readme)
                .contains("](docs/connect-first-device.md)")
                .contains("](docs/provisioning.md)")
                .contains("](docs/query-language.md)")
                .contains("](docs/policies.md)")
                .contains("](docs/cli.md)");
        Matcher link = DOCS_LINK.matcher(readme);
        while (link.find()) {
            assertThat(docs.resolveSibling(link.group(1)))
                    .as("README links %s", link.group(1))
                    .exists();
        }
        for (String guide : List.of("connect-first-device.md", "provisioning.md", "query-language.md", "policies.md")) {
            Matcher guideLink = Pattern.compile("\\]\\(([a-z-]+\\.md)").matcher(Files.readString(docs.resolve(guide)));
            while (guideLink.find()) {
                assertThat(docs.resolve(guideLink.group(1)))
                        .as("%s links %s", guide, guideLink.group(1))
                        .exists();
            }
        }
    }
}
