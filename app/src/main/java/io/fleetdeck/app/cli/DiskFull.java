package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.DataFolderSpace;
import io.fleetdeck.app.data.NoSpace;
import java.io.IOException;
import java.nio.file.Path;

/** Says that a refused change met a full disk, since AWS's 500 ("Internal service failure") alone does not. */
final class DiskFull {

    private DiskFull() {}

    /** "; no space left on the disk of data folder ..." when the folder's disk is full now, else "". */
    static String in(Path folder) {
        try {
            String refusal = DataFolderSpace.at(folder).refusal();
            return refusal == null ? "" : " (" + refusal + ")";
        } catch (IOException | RuntimeException e) {
            return NoSpace.causes(e) ? " (" + CliMessages.say("disk.full", folder.toString()) + ")" : "";
        }
    }
}
