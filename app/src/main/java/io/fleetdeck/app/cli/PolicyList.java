package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.PolicySummary;
import io.fleetdeck.api.page.PageReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck policy list [--output json|text]}: every policy, the defaults every data folder has too. */
@Command(name = "list")
final class PolicyList implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    OutputOption output = new OutputOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OfflineAction.perform(
                dataFolder, policy.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    List<PolicySummary> policies =
                            PageReader.readAll(fleet.services().certificateRegistry()::listPolicies);
                    return output.json() ? PoliciesOutput.listJson(policies) : PoliciesOutput.listText(policies);
                });
    }
}
