package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.search.FieldStatistics;
import org.jspecify.annotations.Nullable;

/** GetStatistics as AWS's response body, {@code {"statistics":{...}}}, fields that have no value left out. */
final class StatisticsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatisticsJson() {}

    static String of(FieldStatistics answer) {
        ObjectNode statistics = JSON.createObjectNode();
        statistics.put("count", answer.count());
        putIfPresent(statistics, "average", answer.average());
        putIfPresent(statistics, "sum", answer.sum());
        putIfPresent(statistics, "minimum", answer.minimum());
        putIfPresent(statistics, "maximum", answer.maximum());
        putIfPresent(statistics, "sumOfSquares", answer.sumOfSquares());
        putIfPresent(statistics, "variance", answer.variance());
        putIfPresent(statistics, "stdDeviation", answer.stdDeviation());
        ObjectNode response = JSON.createObjectNode();
        response.set("statistics", statistics);
        return response.toString();
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
