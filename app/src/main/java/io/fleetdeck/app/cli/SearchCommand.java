package io.fleetdeck.app.cli;

import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.QueryException;
import io.fleetdeck.index.SearchSort;
import io.fleetdeck.index.ThingGroupSearch;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck search 'QUERY'}: the names of the things matching a Fleet Indexing query, one per line, sorted. A
 * malformed query is shown with a caret under the problem and exits 2.
 */
@Command(
        name = "search",
        description = "Print the things matching a fleet query (AWS Fleet Indexing syntax), one per line, sorted.")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    FleetdeckCommand parent;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(paramLabel = "QUERY", description = "e.g. 'thingTypeName:pump AND shadow.reported.battery<20'")
    String query;

    @Option(
            names = "--index",
            paramLabel = "NAME",
            description = "AWS_Things (the default) or AWS_ThingGroups (groups by thingGroupNames, attributes,"
                    + " parentGroupNames).")
    String indexName = "AWS_Things";

    @Option(
            names = "--sort",
            paramLabel = "FIELD",
            description = "Order the things by this field (numbers numerically), those without it last; default:"
                    + " by name.")
    String sortField;

    @Option(names = "--descending", description = "Largest first, with --sort.")
    boolean descending;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FleetQuery parsed = parse(query, spec.commandLine().getErr());
        if (indexName.equals(ThingGroupSearch.INDEX_NAME)) {
            return OfflineAction.perform(
                    dataFolder,
                    parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> String.join(
                            System.lineSeparator(),
                            new ThingGroupSearch(fleet.services().registry()).search(parsed)));
        }
        if (!indexName.equals("AWS_Things")) {
            throw new StartupException("ResourceNotFoundException: no index named " + indexName
                    + "; there are AWS_Things and " + ThingGroupSearch.INDEX_NAME);
        }
        return OfflineAction.perform(
                dataFolder, parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    try (FleetIndex index = fleet.services().upToDateIndex()) {
                        SearchSort sort = sortField == null
                                ? new SearchSort(SearchSort.BY_NAME.field(), descending)
                                : new SearchSort(sortField, descending);
                        return String.join(
                                System.lineSeparator(),
                                index.search(parsed, sort, 0, Integer.MAX_VALUE).thingNames());
                    }
                });
    }

    /** The query, or the reason it is not one: the query and a caret on stderr, then one line and exit 2. */
    static FleetQuery parse(String text, PrintWriter err) throws StartupException {
        try {
            return FleetQuery.parse(text);
        } catch (QueryException e) {
            err.println("  " + e.query());
            err.println("  " + e.caretLine());
            err.flush();
            throw new StartupException("query error: " + e.getMessage(), e);
        }
    }
}
