package io.fleetdeck.app.cli;

import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.things.NewThingType;
import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.api.things.ThingTypeService;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck thing-type create NAME}, {@code thing-type list}, {@code thing-type describe NAME} and {@code
 * thing-type deprecate NAME [--undo]}: the types a thing is created with ({@code thing create pump-7 --type pump}).
 */
@Command(
        name = "thing-type",
        subcommands = {
            ThingTypeCommand.Create.class,
            ThingTypeCommand.ListTypes.class,
            ThingTypeCommand.Describe.class,
            ThingTypeCommand.Deprecate.class
        })
final class ThingTypeCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        ThingTypeCommand thingType;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--description", paramLabel = "TEXT")
        @Nullable String description;

        @Option(names = "--searchable-attribute", paramLabel = "A")
        List<String> searchableAttributes = List.of();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, thingType.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        ThingTypeDescription created = fleet.services()
                                .thingTypes()
                                .createThingType(new NewThingType(name, description, searchableAttributes));
                        return CliMessages.say("thingType.created", created.thingTypeName());
                    });
        }
    }

    @Command(name = "list")
    static final class ListTypes implements Callable<Integer> {

        @ParentCommand
        ThingTypeCommand thingType;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Mixin
        OutputOption output = new OutputOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, thingType.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        ThingTypeService types = fleet.services().thingTypes();
                        List<ThingTypeDescription> all = PageReader.readAll(types::listThingTypes);
                        return output.json() ? ThingTypesOutput.listJson(all) : ThingTypesOutput.listText(all);
                    });
        }
    }

    @Command(name = "describe")
    static final class Describe implements Callable<Integer> {

        @ParentCommand
        ThingTypeCommand thingType;

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
                    dataFolder, thingType.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        ThingTypeDescription type =
                                fleet.services().thingTypes().describeThingType(name);
                        return output.json()
                                ? ThingTypesOutput.describeJson(type)
                                : ThingTypesOutput.describeText(type);
                    });
        }
    }

    @Command(name = "deprecate")
    static final class Deprecate implements Callable<Integer> {

        @ParentCommand
        ThingTypeCommand thingType;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--undo")
        boolean undo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, thingType.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        fleet.services().thingTypes().deprecateThingType(name, undo);
                        return CliMessages.say(undo ? "thingType.undeprecated" : "thingType.deprecated", name);
                    });
        }
    }
}
