package io.fleetdeck.app.cli;

import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.app.runtime.OfflineFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck thing list [--type T] [--group G] [--output json|text]}: the registry's things, by name. */
@Command(name = "list")
final class ThingList implements Callable<Integer> {

    @ParentCommand
    ThingCommand thingCommand;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    OutputOption output = new OutputOption();

    @Option(names = "--type", paramLabel = "T")
    @Nullable String type;

    @Option(names = "--group", paramLabel = "G")
    @Nullable String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OfflineAction.perform(
                dataFolder, thingCommand.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    List<ThingDescription> things = matching(fleet);
                    return output.json() ? ThingsOutput.listJson(things) : ThingsOutput.listText(things);
                });
    }

    private List<ThingDescription> matching(OfflineFleet fleet) throws Exception {
        ThingService things = fleet.services().things();
        String wantedType = type;
        if (wantedType != null) {
            // an unknown type is a typo to point at, not an empty fleet
            fleet.services().thingTypes().describeThingType(wantedType);
        }
        List<ThingDescription> candidates = group == null ? PageReader.readAll(things::listThings) : inGroup(fleet);
        return candidates.stream()
                .filter(thing -> wantedType == null || wantedType.equals(thing.thingTypeName()))
                .toList();
    }

    /** The group's members, described: a group is read member by member rather than the whole fleet filtered. */
    private List<ThingDescription> inGroup(OfflineFleet fleet) throws Exception {
        String name = Objects.requireNonNull(group);
        GroupService groups = fleet.services().groups();
        if (groups.describeThingGroup(name).isDynamic()) {
            // commands may have changed the store since an instance last followed it
            GroupCommand.withDynamicGroups(fleet, dynamicGroups -> {});
        }
        ThingService things = fleet.services().things();
        List<ThingDescription> members = new ArrayList<>();
        for (String thing : PageReader.readAll(page -> groups.listThingsInThingGroup(name, false, page))) {
            members.add(things.describeThing(thing));
        }
        return members;
    }
}
