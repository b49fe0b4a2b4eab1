package io.fleetdeck.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.index.FleetDocument;
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

    @Test
    void whatThePageSaysAQueryFindsInTheDemoFleetIsWhatItFinds() throws Exception {
        String page = Files.readString(GuideBlocks.guide("query-language.md"));
        List<FleetDocument> fleet = demoFleet();
        List<String> pumps = List.of("pump-101", "pump-102", "pump-201", "pump-202", "pump-203");

        assertThat(finds(page, fleet, "shadow.reported.battery<20")).containsExactly("flow-meter-103");
        assertThat(finds(page, fleet, "shadow.hasDelta:true")).containsExactly("pump-102");
        assertThat(finds(page, fleet, "attributes.model:P?00")).containsExactlyElementsOf(pumps);
        assertThat(finds(page, fleet, "thingName:*103")).containsExactly("flow-meter-103");
        assertThat(finds(page, fleet, "thingName:(pump* AND -pump-102)"))
                .containsExactly("pump-101", "pump-201", "pump-202", "pump-203");
        assertThat(finds(page, fleet, "thingGroupNames:(floor-1 OR floor-2) -thingTypeName:gateway"))
                .hasSize(10)
                .doesNotContain("gateway-106", "gateway-206");
        assertThat(FleetQuery.parse("thingTypeName:PUMP").matches(fleet.getFirst()))
                .as("values match case aside")
                .isTrue();
        assertThat(FleetQuery.parse("thingName:pump").matches(fleet.getFirst()))
                .as("thingName:pump does not find pump-101")
                .isFalse();
    }

    /** The things of {@code fleet} the page's example {@code query} finds, after checking the page shows it. */
    private static List<String> finds(String page, List<FleetDocument> fleet, String query) throws QueryException {
        assertThat(page).as("the page shows %s", query).contains("| `" + query + "` |");
        FleetQuery parsed = FleetQuery.parse(query);
        return fleet.stream()
                .filter(parsed::matches)
                .map(FleetDocument::thingName)
                .toList();
    }

    /** The demo site as the page describes it: type, model, floor, firmware and battery of each device. */
    private static List<FleetDocument> demoFleet() {
        String[][] devices = {
            {"pump-101", "pump", "P200", "floor-1", "1.5.0", "86"},
            {"pump-102", "pump", "P200", "floor-1", "1.5.0", "71"},
            {"flow-meter-103", "flow-meter", "FM-20", "floor-1", "1.4.2", "14"},
            {"flow-meter-104", "flow-meter", "FM-20", "floor-1", "1.4.2", "63"},
            {"flow-meter-105", "flow-meter", "FM-30", "floor-1", "2.0.1", "92"},
            {"gateway-106", "gateway", "GW-S1", "floor-1", "2.0.1", "77"},
            {"pump-201", "pump", "P200", "floor-2", "1.5.0", "54"},
            {"pump-202", "pump", "P300", "floor-2", "2.0.1", "95"},
            {"pump-203", "pump", "P300", "floor-2", "2.0.1", "38"},
            {"flow-meter-204", "flow-meter", "FM-20", "floor-2", "1.4.2", "47"},
            {"flow-meter-205", "flow-meter", "FM-30", "floor-2", "1.5.0", "81"},
            {"gateway-206", "gateway", "GW-S1", "floor-2", "1.5.0", "58"}
        };
        List<FleetDocument> fleet = new ArrayList<>();
        for (String[] device : devices) {
            FleetDocument.Builder document = FleetDocument.builder(device[0])
                    .add("thingTypeName", device[1])
                    .attribute("model", device[2])
                    .attribute("serial", device[0])
                    .attribute("site", "site-north")
                    .attribute("firmwareVersion", device[4])
                    .staticGroups(device[3])
                    .add("shadow.reported.firmware", device[4])
                    .add("shadow.reported.battery", Integer.parseInt(device[5]));
            boolean pending = device[0].equals("pump-102");
            if (pending) {
                document.add("shadow.desired.firmware", "2.0.1").add("shadow.delta.firmware", "2.0.1");
            }
            fleet.add(document.add("shadow.hasDelta", pending).build());
        }
        return fleet;
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
