package io.fleetdeck.app.cli;

import io.fleetdeck.api.jobs.JobDescription;
import io.fleetdeck.api.jobs.NewJobRequest;
import java.nio.file.Path;
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

/** {@code fleetdeck job create|describe|cancel}: AWS IoT Jobs, through the service API's {@code JobService}. */
@Command(
        name = "job",
        subcommands = {JobCommand.Create.class, JobCommand.Describe.class, JobCommand.Cancel.class})
final class JobCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        JobCommand job;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "JOBID")
        String jobId;

        @Option(names = "--document", paramLabel = "FILE", required = true)
        Path document;

        @Option(names = "--thing", paramLabel = "T")
        List<String> things = List.of();

        @Option(names = "--group", paramLabel = "G")
        List<String> groups = List.of();

        @Option(names = "--description", paramLabel = "TEXT")
        @Nullable String description;

        @Option(names = "--timeout-minutes", paramLabel = "M")
        @Nullable Integer timeoutMinutes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // the file is read before the data folder is opened: a wrong path costs nothing
            String text = JobDocumentFile.read(document);
            NewJobRequest request = new NewJobRequest(
                    jobId, text, description == null ? "" : description, things, groups, timeoutMinutes);
            return OfflineAction.perform(
                    dataFolder, job.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        JobDescription created = fleet.services().jobs().createJob(request);
                        long executions = created.executionCounts().values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        return CliMessages.say("job.created", created.jobId(), executions);
                    });
        }
    }

    @Command(name = "describe")
    static final class Describe implements Callable<Integer> {

        @ParentCommand
        JobCommand job;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "JOBID")
        String jobId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder,
                    job.parent.dataFolder,
                    spec.commandLine().getOut(),
                    fleet -> JobOutput.describeJson(fleet.services().jobs().describeJob(jobId)));
        }
    }

    @Command(name = "cancel")
    static final class Cancel implements Callable<Integer> {

        @ParentCommand
        JobCommand job;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "JOBID")
        String jobId;

        @Option(names = "--force")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, job.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        JobDescription canceled = fleet.services().jobs().cancelJob(jobId, force);
                        return CliMessages.say(
                                "job.canceled",
                                canceled.jobId(),
                                canceled.executionCounts().getOrDefault("CANCELED", 0L),
                                canceled.executionCounts().getOrDefault("IN_PROGRESS", 0L));
                    });
        }
    }
}
