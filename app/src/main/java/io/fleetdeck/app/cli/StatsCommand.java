package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.app.service.LocalFleetSearch;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck stats 'QUERY' FIELD}: GetStatistics of a field over the matching things, as AWS's JSON. */
@Command(name = "stats")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    FleetdeckCommand parent;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(index = "0", paramLabel = "QUERY")
    String query;

    @Parameters(index = "1", paramLabel = "FIELD")
    String field;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return OfflineAction.perform(
                dataFolder, parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    try (IndexOnDemand index = new IndexOnDemand(fleet.services())) {
                        var service =
                                new LocalFleetSearch(index, fleet.services().registry());
                        return StatisticsJson.of(service.statistics(query, field));
                    } catch (InvalidQueryException e) {
                        throw SearchCommand.queryError(e, err);
                    }
                });
    }
}
