package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.search.IndexSearch;
import io.fleetdeck.api.search.QueryHint;
import io.fleetdeck.app.service.LocalFleetSearch;
import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.util.List;
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
@Command(name = "search")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    FleetdeckCommand parent;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(paramLabel = "QUERY")
    String query;

    @Option(names = "--index", paramLabel = "NAME")
    String indexName = "AWS_Things";

    @Option(names = "--sort", paramLabel = "FIELD")
    String sortField;

    @Option(names = "--descending")
    boolean descending;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        IndexSearch search = new IndexSearch(indexName, query, sortField, descending);
        return OfflineAction.perform(
                dataFolder, parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    try (IndexOnDemand index = new IndexOnDemand(fleet.services())) {
                        var service =
                                new LocalFleetSearch(index, fleet.services().registry());
                        List<String> found = service.searchIndex(search);
                        warnOfUnknownFields(service.unknownFields(indexName, query), err);
                        return String.join(System.lineSeparator(), found);
                    } catch (InvalidQueryException e) {
                        throw queryError(e, err);
                    }
                });
    }

    /** A field the index does not know matches nothing: said on stderr, as a warning; the answer is still given. */
    static void warnOfUnknownFields(List<QueryHint> hints, PrintWriter err) {
        hints.forEach(hint -> err.println("fleetdeck: warning: " + hint.message()));
        err.flush();
    }

    /** A malformed query: the query and a caret on stderr, then one line and exit 2. */
    static StartupException queryError(InvalidQueryException refused, PrintWriter err) {
        if (refused.query() != null) {
            err.println("  " + refused.query());
            err.println("  " + refused.caretLine());
            err.flush();
        }
        return new StartupException(
                CliMessages.say("search.queryError", String.valueOf(refused.getMessage())), refused);
    }
}
