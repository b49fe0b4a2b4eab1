package io.fleetdeck.app.data;

import io.fleetdeck.app.startup.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds one Fleetdeck's state: its lock, settings, logs and, as the services arrive, the store, the
 * index and the PKI. Only one running instance may use it at a time (see {@link DataFolderLock}).
 */
public final class DataFolder {

    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /** Creates the folder when missing and proves it is writable, so a bad path fails now with a clear reason. */
    public static DataFolder open(Path requested) throws StartupException {
        return open(requested, false);
    }

    /**
     * As {@link #open(Path)}; with {@code readOnlyAllowed} (the commands, which may only read) a folder on a read-only
     * disk, or one this user may not write, is opened too, and a change is refused when it is tried.
     */
    public static DataFolder open(Path requested, boolean readOnlyAllowed) throws StartupException {
        if (requested.toString().isBlank()) {
            // Path.of("") is the current folder: never take it for a data folder by accident (issue 13, defect 5)
            throw new StartupException("--data-dir: " + blankPathProblem(requested.toString()));
        }
        Path root = requested.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StartupException("cannot create data folder " + root + ": " + reason(e), e);
        }
        if (!Files.isDirectory(root)) {
            throw new StartupException("data folder " + root + " is not a folder");
        }
        try {
            Path probe = Files.createTempFile(root, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            // a full disk is writable once space returns, and a read-only one can still be read: reading commands start
            // on either, serve on a full one (issue 13, defect 6); what cannot be written is refused when it is tried
            if (!NoSpace.causes(e) && !(readOnlyAllowed && ReadOnlyDisk.causes(e))) {
                throw new StartupException("data folder " + root + " is not writable: " + reason(e), e);
            }
        }
        return new DataFolder(realPath(root));
    }

    /** Why an empty or blank {@code --data-dir} is refused, with what was given. */
    public static String blankPathProblem(String given) {
        return (given.isEmpty() ? "an empty path" : "a blank path ('" + given + "')")
                + " is not a data folder; give a folder, or leave --data-dir out for the per-user data folder";
    }

    public Path root() {
        return root;
    }

    public Path lockFile() {
        return root.resolve("fleetdeck.lock");
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    public Path logsFolder() {
        return root.resolve("logs");
    }

    /** The CA certificate devices and tools trust for the broker's TLS listener. */
    public Path caCertificate() {
        return root.resolve("provisioning").resolve("root-ca.pem");
    }

    /** Files that can be recreated at any time, such as JavaFX's native libraries when it extracts them. */
    public Path cacheFolder() {
        return root.resolve("cache");
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static Path realPath(Path root) throws StartupException {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new StartupException("cannot resolve data folder " + root + ": " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        return FileProblem.of(e);
    }
}
