package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.UserDataFolder;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --data-dir} and {@code --database-url}: which data folder and store to use, before or after the subcommand. */
public final class DataFolderOption {

    /** Where a site keeps the store's URL, so a password in it stays out of the process list. */
    static final String DATABASE_URL_VARIABLE = "FLEETDECK_DATABASE_URL";

    @Option(names = "--data-dir", paramLabel = "DIR", converter = FolderPath.class)
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC-URL")
    @Nullable String databaseUrl;

    /** The store's JDBC URL: this command's choice, the parent's, the environment's; null for the data folder's file. */
    @Nullable String databaseUrl(@Nullable DataFolderOption parent) {
        if (databaseUrl != null) {
            return databaseUrl;
        }
        if (parent != null && parent.databaseUrl != null) {
            return parent.databaseUrl;
        }
        String fromEnvironment = System.getenv(DATABASE_URL_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    /** This command's choice, else the parent command's, else the per-user default. */
    Path resolve(@Nullable DataFolderOption parent) {
        if (dataDir != null) {
            return dataDir;
        }
        if (parent != null && parent.dataDir != null) {
            return parent.dataDir;
        }
        return UserDataFolder.defaultLocation();
    }

    /**
     * {@code --data-dir ''} would be the current folder to {@link Path#of}: a script whose variable came out empty would
     * fill whatever folder it ran in with a store, an index and keys. An empty or blank path is bad input instead.
     */
    static final class FolderPath implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException(DataFolder.blankPathProblem(value));
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException(CliMessages.say("option.notAPath", value, e.getReason()));
            }
        }
    }
}
