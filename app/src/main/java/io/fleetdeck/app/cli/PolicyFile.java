package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.input.BoundedFiles;
import io.fleetdeck.broker.policy.PolicyDocumentException;
import io.fleetdeck.broker.policy.PolicyParser;
import io.fleetdeck.broker.policy.PolicyWarning;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A policy document named on the command line ({@code --document FILE}), read with a bound. */
final class PolicyFile {

    /**
     * 20 KB: ten times AWS's 2048 characters without whitespace (AWS-IOT-BEHAVIOUR §5.5), room for any indentation,
     * and small enough that {@code /dev/zero} or a wrong file is refused at once.
     */
    static final int MAX_BYTES = 20 * 1024;

    private PolicyFile() {}

    static String read(Path document) throws StartupException {
        try {
            return BoundedFiles.readString(document, MAX_BYTES);
        } catch (BoundedFiles.TooLargeException e) {
            throw new StartupException(CliMessages.say(
                    "policyFile.tooLarge",
                    document.toString(),
                    BoundedFiles.describe(MAX_BYTES),
                    Integer.toString(PolicyParser.MAX_CHARACTERS)));
        } catch (NoSuchFileException e) {
            throw new StartupException(CliMessages.say(
                    "policyFile.notFound",
                    document.toString(),
                    document.toAbsolutePath().normalize().toString()));
        } catch (IOException e) {
            throw new StartupException(
                    CliMessages.say("policyFile.unreadable", document.toString(), FileProblem.of(e)));
        }
    }

    /** What a person should know about a document the registry accepted (see {@link PolicyParser#check}). */
    static List<PolicyWarning> warnings(String text) {
        try {
            return PolicyParser.check(text).warnings();
        } catch (PolicyDocumentException refused) {
            return List.of(); // the registry refused it already, with its own message
        }
    }
}
