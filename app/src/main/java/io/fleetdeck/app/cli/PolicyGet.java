package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.PolicyDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck policy get NAME [--output json|text]}: the policy's document in force. */
@Command(name = "get")
final class PolicyGet implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

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
                dataFolder, policy.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    PolicyDescription found =
                            fleet.services().certificateRegistry().getPolicy(name);
                    return output.json() ? PoliciesOutput.getJson(found) : PoliciesOutput.getText(found);
                });
    }
}
