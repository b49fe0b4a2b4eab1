package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.input.BoundedFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A job document named on the command line ({@code --document FILE}), read with a bound. */
final class JobDocumentFile {

    /**
     * 1 MB: far above AWS's 32 KB, so a document somewhat too large reaches the service and is told its size and the
     * limit, while {@code /dev/zero} or a wrong file is refused at once.
     */
    static final int MAX_BYTES = 1024 * 1024;

    private JobDocumentFile() {}

    static String read(Path document) throws StartupException {
        try {
            return BoundedFiles.readString(document, MAX_BYTES);
        } catch (BoundedFiles.TooLargeException e) {
            throw new StartupException(
                    CliMessages.say("jobFile.tooLarge", document.toString(), BoundedFiles.describe(MAX_BYTES)));
        } catch (NoSuchFileException e) {
            throw new StartupException(CliMessages.say(
                    "jobFile.notFound",
                    document.toString(),
                    document.toAbsolutePath().normalize().toString()));
        } catch (IOException e) {
            throw new StartupException(CliMessages.say("jobFile.unreadable", document.toString(), FileProblem.of(e)));
        }
    }
}
