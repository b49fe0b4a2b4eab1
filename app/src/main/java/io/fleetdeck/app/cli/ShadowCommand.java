package io.fleetdeck.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck shadow get THING [--name N]} and {@code fleetdeck shadow update THING [--name N] JSON}. */
@Command(
        name = "shadow",
        description = "Read and change Device Shadows.",
        subcommands = {ShadowCommand.Get.class, ShadowCommand.Update.class})
final class ShadowCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "get", description = "Print a shadow's document, with its delta, as JSON.")
    static final class Get implements Callable<Integer> {

        @ParentCommand
        ShadowCommand shadowCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "THING")
        String thing;

        @Option(names = "--name", paramLabel = "N", description = "A named shadow (default: the classic shadow).")
        String name = "";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    shadowCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        return fleet.services()
                                .shadows()
                                .getThingShadow(thing, name)
                                .json();
                    });
        }
    }

    @Command(
            name = "update",
            description = "Apply an update document ({\"state\":{\"desired\":{...}}}) with the rules devices meet.")
    static final class Update implements Callable<Integer> {

        @ParentCommand
        ShadowCommand shadowCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "THING")
        String thing;

        @Parameters(index = "1", paramLabel = "JSON")
        String json;

        @Option(names = "--name", paramLabel = "N", description = "A named shadow (default: the classic shadow).")
        String name = "";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    shadowCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        return fleet.services()
                                .shadows()
                                .updateThingShadow(thing, name, json)
                                .json();
                    });
        }
    }
}
