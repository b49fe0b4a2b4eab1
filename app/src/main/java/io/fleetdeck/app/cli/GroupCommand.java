package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.index.DynamicThingGroups;
import io.fleetdeck.index.FleetIndex;
import java.io.PrintWriter;
import java.util.List;
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
 * 'QUERY'}, {@code group update-dynamic NAME 'QUERY'}, {@code group members GROUP} and {@code group list}.
 */
@Command(
        name = "group",
        subcommands = {
            GroupCommand.Create.class,
            GroupCommand.Add.class,
            GroupCommand.CreateDynamic.class,
            GroupCommand.UpdateDynamic.class,
            GroupCommand.Members.class,
            GroupCommand.ListGroups.class
        })
final class GroupCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--parent", paramLabel = "P")
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
                        ThingGroupSummary group = fleet.services().groups().createThingGroup(name, parentGroup);
                        return group.parent() == null
                                ? CliMessages.say("group.created", group.name())
                                : CliMessages.say(
                                        "group.createdUnder", group.name(), String.join(" / ", group.rootToParent()));
                    });
        }
    }

    @Command(name = "add")
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
                        fleet.services().things().addThingToThingGroup(group, thing);
                        return CliMessages.say("group.added", thing, group);
                    });
        }
    }

    @Command(name = "create-dynamic")
    static final class CreateDynamic implements Callable<Integer> {

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
            PrintWriter err = spec.commandLine().getErr();
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        try {
                            withDynamicGroups(fleet, groups -> groups.createDynamicThingGroup(name, query));
                        } catch (InvalidQueryException e) {
                            throw SearchCommand.queryError(e, err);
                        }
                        return describeDynamic(fleet.services().groups().describeThingGroup(name));
                    });
        }
    }

    @Command(name = "update-dynamic")
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
            PrintWriter err = spec.commandLine().getErr();
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        try {
                            withDynamicGroups(fleet, groups -> groups.updateDynamicThingGroup(name, query));
                        } catch (InvalidQueryException e) {
                            throw SearchCommand.queryError(e, err);
                        }
                        return describeDynamic(fleet.services().groups().describeThingGroup(name));
                    });
        }
    }

    @Command(name = "members")
    static final class Members implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "GROUP")
        String group;

        @Option(names = "--recursive")
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
                        GroupService groups = fleet.services().groups();
                        if (groups.describeThingGroup(group).isDynamic()) {
                            // commands may have changed the store since an instance last followed it
                            withDynamicGroups(fleet, dynamicGroups -> {});
                        }
                        return String.join(
                                System.lineSeparator(),
                                PageReader.readAll(page -> groups.listThingsInThingGroup(group, recursive, page)));
                    });
        }
    }

    @Command(name = "list")
    static final class ListGroups implements Callable<Integer> {

        @ParentCommand
        GroupCommand groupCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Mixin
        OutputOption output = new OutputOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    groupCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        List<ThingGroupSummary> groups =
                                fleet.services().groups().thingGroupHierarchy();
                        return output.json() ? GroupsOutput.listJson(groups) : GroupsOutput.listText(groups);
                    });
        }
    }

    /** {@code dynamic group lowBattery: 3 things match shadow.reported.battery<20 (ACTIVE)}, as a line to print. */
    private static String describeDynamic(ThingGroupSummary group) {
        int members = group.directMembers();
        return CliMessages.say(
                "group.dynamic",
                group.name(),
                members,
                String.valueOf(group.dynamicQuery()),
                String.valueOf(group.dynamicStatus()));
    }

    interface DynamicGroupsWork {
        void run(GroupService groups) throws Exception;
    }

    /**
     * Does {@code work} with the dynamic groups following an up-to-date index, and returns once they have caught up
     * with it (a command prints what is true, not what is on its way).
     */
    static void withDynamicGroups(OfflineFleet fleet, DynamicGroupsWork work) throws Exception {
        try (FleetIndex index = fleet.services().upToDateIndex();
                DynamicThingGroups dynamicGroups = DynamicThingGroups.start(
                        fleet.services().registry(), index, fleet.services().events())) {
            work.run(fleet.services().groupsFollowing(dynamicGroups));
            dynamicGroups.awaitQuiet(5, TimeUnit.MINUTES);
        }
    }
}
