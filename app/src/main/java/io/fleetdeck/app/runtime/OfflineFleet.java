package io.fleetdeck.app.runtime;

import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.DataFolderLock;
import io.fleetdeck.app.data.DataFolderSpace;
import io.fleetdeck.app.logging.LogFiles;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.tls.CaKeyType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder opened by a command-line tool while no console or {@code serve} holds it: its lock, its PKI and its
 * fleet services, without a broker. A folder in use is refused with who holds it, as a running instance will be
 * reached through its management API, which comes later.
 */
public final class OfflineFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfflineFleet.class);

    private final DataFolder folder;
    private final DataFolderLock lock;
    private final FleetServices services;

    private OfflineFleet(DataFolder folder, DataFolderLock lock, FleetServices services) {
        this.folder = folder;
        this.lock = lock;
        this.services = services;
    }

    /** @param databaseUrl the store's JDBC URL, or null for the data folder's SQLite file */
    public static OfflineFleet open(Path requestedFolder, @Nullable String databaseUrl, Clock clock)
            throws StartupException {
        // a command may only read: a read-only folder opens, and a change is refused when it is tried
        DataFolder folder = DataFolder.open(requestedFolder, true);
        DataFolderLock lock;
        try {
            lock = DataFolderLock.acquire(folder);
        } catch (StartupException inUse) {
            throw new StartupException(inUse.getMessage()
                    + "; commands that change devices, certificates and policies work on a data folder no instance"
                    + " holds (a running one will take them through its management API, which comes later)");
        }
        // only the lock's holder writes the folder's log: two processes rolling one file would lose lines
        LogFiles.writeTo(folder.logsFolder());
        try {
            EmbeddedBroker.serverIdentity(folder, CaKeyType.EC_P256, clock);
            return new OfflineFleet(folder, lock, FleetServices.open(folder, databaseUrl, space(folder), clock));
        } catch (StartupException | RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    private static DataFolderSpace space(DataFolder folder) throws StartupException {
        try {
            return DataFolderSpace.of(folder);
        } catch (IOException e) {
            throw new StartupException(
                    "cannot tell the free space of data folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public DataFolder folder() {
        return folder;
    }

    public FleetServices services() {
        return services;
    }

    @Override
    public void close() {
        services.close();
        release(lock);
    }

    private static void release(DataFolderLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the data folder lock: {}", e.toString());
        }
    }
}
