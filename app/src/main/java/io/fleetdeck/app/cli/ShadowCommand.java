package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.things.ThingService;
import java.io.PrintWriter;
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
        subcommands = {ShadowCommand.Get.class, ShadowCommand.Update.class})
final class ShadowCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "get")
    static final class Get implements Callable<Integer> {

        @ParentCommand
        ShadowCommand shadowCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "THING")
        String thing;

        @Option(names = "--name", paramLabel = "N")
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

    @Command(name = "update")
    static final class Update implements Callable<Integer> {

        @ParentCommand
        ShadowCommand shadowCommand;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "THING")
        String thing;

        @Parameters(index = "1", paramLabel = "JSON")
        String json;

        @Option(names = "--name", paramLabel = "N")
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
                        String accepted = fleet.services()
                                .shadows()
                                .updateThingShadow(thing, name, json)
                                .json();
                        if (!registered(fleet.services().things())) {
                            // AWS keeps a shadow for any name (AWS-IOT-BEHAVIOUR §1.1): a typo makes one too, so say so
                            PrintWriter err = spec.commandLine().getErr();
                            err.println("fleetdeck: " + CliMessages.say("shadow.noThing", thing));
                            err.flush();
                        }
                        return accepted;
                    });
        }

        private boolean registered(ThingService things) throws FleetApiException {
            try {
                things.describeThing(thing);
                return true;
            } catch (ResourceNotFoundException e) {
                return false;
            }
        }
    }
}
