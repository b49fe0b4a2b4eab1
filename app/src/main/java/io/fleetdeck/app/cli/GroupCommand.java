package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.registry.ThingGroup;
import io.fleetdeck.index.DynamicThingGroups;
import io.fleetdeck.index.FleetIndex;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck group create NAME [--parent P]}, {@code group add GROUP THING}, {@code group create-dynamic NAME
 * 'QUERY'}, {@code group update-dynamic NAME 'QUERY'} and {@code group members GROUP}.
 */
@Command(
        name = "group",
        description = "Create static and dynamic thing groups, add things to static ones, list members.",
        subcommands = {
            GroupCommand.Create.class,
            GroupCommand.Add.class,
            GroupCommand.CreateDynamic.class,
            GroupCommand.UpdateDynamic.class,
            GroupCommand.Members.class
        })
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

    @Command(
            name = "create-dynamic",
            description = "Create a dynamic thing group whose members are the things a fleet query matches; prints"
                    + " how many match now.")
    static final class CreateDynamic implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "QUERY", description = "e.g. 'shadow.reported.battery<20'")
        String query;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SearchCommand.checkQuery(query, spec.commandLine().getErr());
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        withDynamicGroups(fleet, dynamicGroups -> dynamicGroups.create(name, query, Map.of()));
                        return describeDynamic(fleet.services().registry(), name);
                    });
        }
    }

    @Command(
            name = "update-dynamic",
            description = "Give a dynamic thing group a new query; its members are chosen again. Prints how many"
                    + " match now.")
    static final class UpdateDynamic implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "QUERY")
        String query;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SearchCommand.checkQuery(query, spec.commandLine().getErr());
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        withDynamicGroups(fleet, dynamicGroups -> dynamicGroups.changeQuery(name, query));
                        return describeDynamic(fleet.services().registry(), name);
                    });
        }
    }

    @Command(name = "members", description = "Print the things in a group (static or dynamic), one per line, sorted.")
    static final class Members implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "GROUP")
        String group;

        @Option(names = "--recursive", description = "Include the things of the groups below it.")
        boolean recursive;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        Registry registry = fleet.services().registry();
                        ThingGroup found = registry.thingGroup(group)
                                .orElseThrow(() -> new RegistryException(
                                        RegistryException.NOT_FOUND, "no thing group named " + group));
                        if (found.isDynamic()) {
                            // commands may have changed the store since an instance last followed it
                            withDynamicGroups(fleet, dynamicGroups -> {});
                        }
                        return String.join(
                                System.lineSeparator(),
                                registry.thingsInGroup(group, recursive).stream()
                                        .sorted()
                                        .toList());
                    });
        }
    }

    /** {@code dynamic group lowBattery: 3 things match shadow.reported.battery<20 (ACTIVE)}, as a line to print. */
    private static String describeDynamic(Registry registry, String name) {
        ThingGroup.DynamicMembership dynamic =
                registry.thingGroup(name).map(ThingGroup::dynamic).orElseThrow();
        int members = registry.thingsInGroup(name, false).size();
        return "dynamic group " + name + ": " + members + (members == 1 ? " thing matches " : " things match ")
                + dynamic.queryString() + " (" + dynamic.status() + ")";
    }

    private interface DynamicGroupsWork {
        void run(DynamicThingGroups dynamicGroups) throws Exception;
    }

    /**
     * Does {@code work} with the dynamic groups following an up-to-date index, and returns once they have caught up
     * with it (a command prints what is true, not what is on its way).
     */
    private static void withDynamicGroups(OfflineFleet fleet, DynamicGroupsWork work) throws Exception {
        try (FleetIndex index = fleet.services().upToDateIndex();
                DynamicThingGroups dynamicGroups = DynamicThingGroups.start(
                        fleet.services().registry(), index, fleet.services().events())) {
            work.run(dynamicGroups);
            dynamicGroups.awaitQuiet(5, TimeUnit.MINUTES);
        }
    }
}
