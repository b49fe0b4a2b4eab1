package io.fleetdeck.app.cli;

import io.fleetdeck.index.Aggregations;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck stats 'QUERY' FIELD}: GetStatistics of a field over the matching things, as AWS's JSON. */
@Command(
        name = "stats",
        description = "Print GetStatistics (count, average, sum, minimum, maximum, ...) of a field over the things"
                + " matching a fleet query, as JSON.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    FleetdeckCommand parent;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(index = "0", paramLabel = "QUERY", description = "e.g. 'thingTypeName:pump'")
    String query;

    @Parameters(index = "1", paramLabel = "FIELD", description = "e.g. shadow.reported.battery")
    String field;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FleetQuery parsed = SearchCommand.parse(query, spec.commandLine().getErr());
        return OfflineAction.perform(
                dataFolder, parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    try (FleetIndex index = fleet.services().upToDateIndex()) {
                        return new Aggregations(index)
                                .statistics(parsed, field)
                                .toJson()
                                .toString();
                    }
                });
    }
}
