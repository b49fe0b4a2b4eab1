package io.fleetdeck.app.runtime;

import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.DataFolderLock;
import io.fleetdeck.app.data.DataFolderSpace;
import io.fleetdeck.app.logging.LogFiles;
import io.fleetdeck.app.settings.SettingsFile;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.sim.FleetEndpoint;
import io.fleetdeck.sim.ShadowTiming;
import io.fleetdeck.sim.SimulatedFleet;
import io.fleetdeck.views.settings.ConsoleSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Fleetdeck on one data folder. Opening it takes the folder's lock before anything in the folder is
 * touched, starts the log file and reads the settings; closing it stops what it started in reverse order. Owned by
 * the command that opened it; not shared between threads.
 */
public final class FleetdeckInstance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetdeckInstance.class);

    private final DataFolder dataFolder;
    private final DataFolderLock lock;
    private final SettingsFile settingsFile;
    private final ConsoleSettings settings;
    /** The demo devices' randomness: the same seed gives the same site on every machine. */
    private static final long DEMO_SEED = 16;

    private final FleetServices services;
    private final EmbeddedBroker broker;
    /* null when the data folder could give the download server no link key: the instance runs without it */
    private final @Nullable FirmwareDownloads downloads;
    private final DataFolderSpace space;
    private final Clock clock;
    private @Nullable SimulatedFleet demoFleet;

    private FleetdeckInstance(
            DataFolder dataFolder,
            DataFolderLock lock,
            SettingsFile settingsFile,
            ConsoleSettings settings,
            FleetServices services,
            EmbeddedBroker broker,
            @Nullable FirmwareDownloads downloads,
            DataFolderSpace space,
            Clock clock) {
        this.downloads = downloads;
        this.services = services;
        this.clock = clock;
        this.space = space;
        this.dataFolder = dataFolder;
        this.lock = lock;
        this.settingsFile = settingsFile;
        this.settings = settings;
        this.broker = broker;
    }

    /** @param databaseUrl the store's JDBC URL, or null for the data folder's SQLite file */
    public static FleetdeckInstance open(
            Path requestedFolder, @Nullable String databaseUrl, BrokerOptions brokerOptions, Clock clock)
            throws StartupException {
        return open(requestedFolder, databaseUrl, brokerOptions, DownloadOptions.defaults(), clock);
    }

    /** As above, with the firmware download server where {@code downloadOptions} says. */
    public static FleetdeckInstance open(
            Path requestedFolder,
            @Nullable String databaseUrl,
            BrokerOptions brokerOptions,
            DownloadOptions downloadOptions,
            Clock clock)
            throws StartupException {
        DataFolder folder = DataFolder.open(requestedFolder);
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            LogFiles.writeTo(folder.logsFolder());
            DataFolderSpace space = DataFolderSpace.of(folder);
            SettingsFile settingsFile = new SettingsFile(folder.settingsFile(), clock);
            ConsoleSettings settings = settingsFile.load();
            ServerIdentity serverIdentity = EmbeddedBroker.serverIdentity(folder, brokerOptions.caKeyType(), clock);
            FleetServices services = FleetServices.open(folder, databaseUrl, space, clock);
            EmbeddedBroker broker;
            @Nullable FirmwareDownloads downloads;
            try {
                broker = EmbeddedBroker.start(serverIdentity, services.identities(), brokerOptions, clock);
                try {
                    downloads = FirmwareDownloads.start(folder, services.imageCatalog(), downloadOptions, clock);
                } catch (StartupException | RuntimeException e) {
                    broker.close();
                    throw e;
                }
                if (downloads != null) {
                    services.deliverFirmwareThrough(downloads);
                }
                services.startProvisioning(broker.channel(), clock);
            } catch (StartupException | RuntimeException e) {
                services.close();
                throw e;
            }
            // logged once the start can no longer be refused, so a refusal stays one line on stderr
            log.info(
                    "Fleetdeck {} starting on data folder {} (PID {}), MQTT {}",
                    FleetdeckVersion.current(),
                    folder,
                    ProcessHandle.current().pid(),
                    broker.endpoints());
            OpenFileLimit.log();
            if (!lock.namesHolder()) {
                log.warn("The disk of data folder {} is full: its lock file names no PID", folder);
            }
            space.watch();
            return new FleetdeckInstance(
                    folder, lock, settingsFile, settings, services, broker, downloads, space, clock);
        } catch (IOException e) {
            releaseAfterFailedStart(lock);
            throw new StartupException(
                    "cannot tell the free space of data folder " + folder + ": " + e.getMessage(), e);
        } catch (StartupException | RuntimeException e) {
            releaseAfterFailedStart(lock);
            throw e;
        }
    }

    public FleetServices services() {
        return services;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    /**
     * Starts the demo fleet: the twelve devices of {@link DemoSite} on this instance's own broker, each sending
     * telemetry every five seconds, with their batteries following this instance's clock in the local time zone (the
     * gateways charge by day). A fleet that cannot start is logged and left out; the console runs without it.
     */
    public void startDemoFleet() {
        FleetEndpoint endpoint =
                new FleetEndpoint("localhost", broker.tlsAddress().getPort(), dataFolder.caCertificate());
        try {
            DemoSite.layOut(services.registry(), services.shadows());
            DemoDevices devices = new DemoDevices(dataFolder.root().resolve("demo"), services.enrollment());
            demoFleet = SimulatedFleet.start(
                    endpoint,
                    DemoSite.specs(),
                    0.2,
                    devices::known,
                    DemoDevices.claimBundle(Objects.requireNonNull(
                            dataFolder.caCertificate().getParent(), "the CA certificate is in a folder")),
                    devices::keep,
                    ShadowTiming.DEMO,
                    clock.withZone(ZoneId.systemDefault()),
                    DEMO_SEED);
        } catch (Exception e) {
            log.warn("The demo fleet could not start: {}", e.toString());
        }
    }

    /** The data folder's disk: full or not, and when it turns. */
    public DataFolderSpace space() {
        return space;
    }

    public DataFolder dataFolder() {
        return dataFolder;
    }

    public SettingsFile settingsFile() {
        return settingsFile;
    }

    /** The settings as they were on disk at start. */
    public ConsoleSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (demoFleet != null) {
            demoFleet.close();
        }
        space.close();
        if (downloads != null) {
            downloads.close();
        }
        broker.close();
        services.close();
        try {
            lock.close();
            log.info("Stopped; data folder {} released", dataFolder);
        } catch (IOException e) {
            log.warn("Could not remove the lock file {}: {}", dataFolder.lockFile(), e.toString());
        }
    }

    private static void releaseAfterFailedStart(DataFolderLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the data folder lock after a failed start: {}", e.toString());
        }
    }
}
