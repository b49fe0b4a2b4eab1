package io.fleetdeck.app.cli;

import io.fleetdeck.fleet.registry.ThingGroup;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck group create NAME [--parent P]} and {@code fleetdeck group add GROUP THING}. */
@Command(
        name = "group",
        description = "Create static thing groups and add things to them.",
        subcommands = {GroupCommand.Create.class, GroupCommand.Add.class})
final class GroupCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create", description = "Create a static thing group, under a parent when given.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--parent", paramLabel = "P", description = "The parent group (fixed once created).")
        String parentGroup;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        ThingGroup group = fleet.services().registry().createThingGroup(name, parentGroup, Map.of());
                        return "group " + group.name()
                                + (group.parent() == null ? "" : " under " + String.join(" / ", group.rootToParent()));
                    });
        }
    }

    @Command(name = "add", description = "Add a thing to a static thing group.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "THING")
        String thing;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        fleet.services().registry().addThingToGroup(group, thing);
                        return "thing " + thing + " added to " + group;
                    });
        }
    }
}
