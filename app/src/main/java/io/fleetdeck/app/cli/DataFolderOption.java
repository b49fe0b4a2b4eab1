package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.UserDataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: which data folder to use, accepted before or after the subcommand. */
public final class DataFolderOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data folder to use (default: the per-user data folder).")
    Path dataDir;

    /** This command's choice, else the parent command's, else the per-user default. */
    Path resolve(DataFolderOption parent) {
        if (dataDir != null) {
            return dataDir;
        }
        if (parent != null && parent.dataDir != null) {
            return parent.dataDir;
        }
        return UserDataFolder.defaultLocation();
    }
}
