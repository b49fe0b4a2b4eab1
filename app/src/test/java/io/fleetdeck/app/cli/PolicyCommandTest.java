package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fleetdeck policy create}, run through the configured command line in-process, as a user types it. */
class PolicyCommandTest {

    private static final String DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iot:Publish\",\"Resource\":\"arn:aws:iot:*:*:topic/ops/*\"}]}";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = FleetdeckCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private int create(String name, Path document) {
        return run("policy", "create", name, "--document", document.toString(), "--data-dir", data().toString());
    }

    private Path data() {
        return temp.resolve("data");
    }

    /** Issue 15, defect 12: a missing file said only its name ("cannot read the policy document missing.json"). */
    @Test
    void aMissingDocumentIsNotFoundAtItsPath() {
        Path missing = temp.resolve("missing.json");

        assertThat(create("ops", missing)).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("fleetdeck: policy document " + missing + " not found (no such file: " + missing + ")"
                        + System.lineSeparator());
    }

    @Test
    void anEndlessDocumentIsRefusedInOneLineWithoutReadingItAll() {
        assertThat(create("endless", Path.of("/dev/zero"))).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("fleetdeck: policy document /dev/zero is larger than 20 KB (20480 bytes), the most a policy"
                        + " file may hold; AWS IoT counts at most 2048 characters without whitespace"
                        + System.lineSeparator());
        assertThat(data()).as("nothing was opened or created").doesNotExist();
    }

    @Test
    void aDocumentOneByteOverTheLimitIsRefusedAndOneAtTheLimitIsCreated() throws Exception {
        String padding = " ".repeat(20 * 1024 - DOCUMENT.length());
        Path atLimit = Files.writeString(temp.resolve("at-limit.json"), DOCUMENT + padding);
        Path overLimit = Files.writeString(temp.resolve("over-limit.json"), DOCUMENT + padding + " ");
        assertThat(atLimit).hasSize(20 * 1024);

        assertThat(create("over", overLimit)).isEqualTo(2);
        assertThat(err.toString()).startsWith("fleetdeck: policy document " + overLimit + " is larger than 20 KB");
        assertThat(err.toString().lines()).hasSize(1);

        assertThat(create("at", atLimit)).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEqualTo("policy at created (version 1)" + System.lineSeparator());
    }

    @Test
    void anUnknownActionOrVariableIsCreatedWithAWarningOnStderrForEach() throws Exception {
        Path document = Files.writeString(temp.resolve("typos.json"), """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow",
                                "Action": ["iot:Publish", "iot:Fly"],
                                "Resource": "arn:aws:iot:*:*:topic/${iot:Bogus}/*"}]}
                """);

        assertThat(create("typos", document)).as("stderr: %s", err).isZero();

        assertThat(out.toString()).isEqualTo("policy typos created (version 1)" + System.lineSeparator());
        assertThat(err.toString().lines())
                .containsExactly(
                        "fleetdeck: warning: policy typos, line 3, column 43: \"iot:Fly\" is not an AWS IoT action,"
                                + " so it allows or denies nothing",
                        "fleetdeck: warning: policy typos, line 4, column 52: ${iot:Bogus} is not a policy variable,"
                                + " so it is never filled in and this resource matches nothing");
    }

    @Test
    void aCleanPolicyPrintsNoWarning() throws Exception {
        Path document = Files.writeString(temp.resolve("clean.json"), DOCUMENT);

        assertThat(create("clean", document)).isZero();

        assertThat(err.toString()).isEmpty();
    }
}
