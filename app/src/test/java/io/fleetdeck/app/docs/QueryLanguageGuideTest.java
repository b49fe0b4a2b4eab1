package io.fleetdeck.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.QueryException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/query-language.md says only what the parser does: every example query parses, every bad one fails with the
 * message the page shows (issue 15, defect 17).
 */
class QueryLanguageGuideTest {

    private static final Pattern TABLE =
            Pattern.compile("<!-- tested: (examples|errors) -->\\R(.*?)<!-- /tested -->", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^\\| `(.+?)` \\| (.*) \\|$", Pattern.MULTILINE);

    private record Row(String query, String second) {}

    @Test
    void everyExampleQueryIsValid() throws Exception {
        List<Row> examples = rows("examples");

        assertThat(examples).as("the page's example tables").hasSizeGreaterThan(25);
        for (Row example : examples) {
            assertThatCode(() -> FleetQuery.parse(example.query()))
                    .as("the example %s", example.query())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyBadQueryFailsWithTheMessageThePageShows() throws Exception {
        List<Row> errors = rows("errors");

        assertThat(errors).as("the page's error table").hasSizeGreaterThan(5);
        for (Row error : errors) {
            String message = error.second().replaceAll("^`|`$", "");
            assertThatThrownBy(() -> FleetQuery.parse(error.query()))
                    .as("the bad query %s", error.query())
                    .isInstanceOf(QueryException.class)
                    .hasMessage(message);
        }
    }

    private static List<Row> rows(String kind) throws Exception {
        String page = Files.readString(GuideBlocks.guide("query-language.md"));
        List<Row> rows = new ArrayList<>();
        Matcher table = TABLE.matcher(page);
        while (table.find()) {
            if (table.group(1).equals(kind)) {
                Matcher row = ROW.matcher(table.group(2));
                while (row.find()) {
                    rows.add(new Row(row.group(1).replace("\\|", "|"), row.group(2)));
                }
            }
        }
        return rows;
    }
}
