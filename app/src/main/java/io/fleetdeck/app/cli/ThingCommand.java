package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.app.startup.StartupException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck thing create NAME [--type T] [--attr k=v]... [--group G]...}, {@code thing delete NAME}, {@code
 * thing list [--type T] [--group G]} and {@code thing describe NAME}.
 */
@Command(
        name = "thing",
        subcommands = {
            ThingCommand.Create.class,
            ThingCommand.Delete.class,
            ThingList.class,
            ThingCommand.Describe.class
        })
final class ThingCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        ThingCommand thingCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--type", paramLabel = "T")
        String type;

        @Option(names = "--attr", paramLabel = "k=v")
        List<String> attributes = List.of();

        @Option(names = "--group", paramLabel = "G")
        List<String> groups = List.of();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String attribute : attributes) {
                int equals = attribute.indexOf('=');
                if (equals <= 0) {
                    throw new StartupException(CliMessages.say("thing.attrMalformed", attribute));
                }
                parsed.put(attribute.substring(0, equals), attribute.substring(equals + 1));
            }
            return OfflineAction.perform(
                    dataFolder,
                    thingCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        ThingService things = fleet.services().things();
                        createTyped(fleet, new NewThing(name, type, parsed));
                        for (String group : groups) {
                            things.addThingToThingGroup(group, name);
                        }
                        ThingDescription created = things.describeThing(name);
                        String version = Long.toString(created.version());
                        return created.thingGroupNames().isEmpty()
                                ? CliMessages.say("thing.created", created.thingName(), version)
                                : CliMessages.say(
                                        "thing.createdIn",
                                        created.thingName(),
                                        version,
                                        String.join(", ", created.thingGroupNames()));
                    });
        }
    }

    /**
     * A type that does not exist yet is the first thing a newcomer meets ({@code thing create pump-7 --type pump}), so
     * the refusal says how to make it.
     */
    private static void createTyped(OfflineFleet fleet, NewThing thing) throws FleetApiException, StartupException {
        try {
            fleet.services().things().createThing(thing);
        } catch (ResourceNotFoundException e) {
            // CreateThing finds no such thing only for its type: the thing itself is new
            String type = thing.thingTypeName();
            if (type == null) {
                throw e;
            }
            throw new StartupException(
                    e.errorCode() + ": " + e.getMessage() + CliMessages.say("thing.makeTypeFirst", type));
        }
    }

    @Command(name = "delete")
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        ThingCommand thingCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    thingCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        fleet.services().things().deleteThing(name);
                        return CliMessages.say("thing.deleted", name);
                    });
        }
    }

    @Command(name = "describe")
    static final class Describe implements Callable<Integer> {

        @ParentCommand
        ThingCommand thingCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Mixin
        OutputOption output = new OutputOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    thingCommand.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> {
                        ThingService things = fleet.services().things();
                        ThingDescription thing = things.describeThing(name);
                        return output.json()
                                ? ThingsOutput.describeJson(thing)
                                : ThingsOutput.describeText(thing, things.inspectThing(name));
                    });
        }
    }
}
