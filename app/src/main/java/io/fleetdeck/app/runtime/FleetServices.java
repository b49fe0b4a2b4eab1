package io.fleetdeck.app.runtime;

import io.fleetdeck.api.certificates.CertificateRegistry;
import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.firmware.FirmwareCatalog;
import io.fleetdeck.api.firmware.FirmwareDelivery;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.jobs.JobService;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.api.things.ThingTypeService;
import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.DataFolderSpace;
import io.fleetdeck.app.service.LocalCertificateRegistry;
import io.fleetdeck.app.service.LocalCertificates;
import io.fleetdeck.app.service.LocalFirmwareCatalog;
import io.fleetdeck.app.service.LocalFirmwareDelivery;
import io.fleetdeck.app.service.LocalFleetOverview;
import io.fleetdeck.app.service.LocalFleetSearch;
import io.fleetdeck.app.service.LocalGroups;
import io.fleetdeck.app.service.LocalJobs;
import io.fleetdeck.app.service.LocalShadows;
import io.fleetdeck.app.service.LocalThingTypes;
import io.fleetdeck.app.service.LocalThings;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.ImageUse;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker;
import io.fleetdeck.fleet.connectivity.LastSeen;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.identity.CertificateRecord;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.jobs.Jobs;
import io.fleetdeck.fleet.jobs.JobsService;
import io.fleetdeck.fleet.provisioning.FleetProvisioning;
import io.fleetdeck.fleet.provisioning.PreProvisioningHook;
import io.fleetdeck.fleet.provisioning.ProvisioningException;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryEventPublisher;
import io.fleetdeck.fleet.registry.ThingGroup;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.ShadowService;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreException;
import io.fleetdeck.index.DynamicThingGroups;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.IndexAnnouncements;
import io.fleetdeck.index.IndexFollower;
import io.fleetdeck.index.ThingDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's services on the data folder's store ({@code fleetdeck.db}, SQLite): for now the device identities,
 * with the defaults every data folder gets (device and claim policies, the claim certificate in
 * {@code provisioning/}). Opened after the broker's TLS identity exists, since device certificates share its CA.
 */
public final class FleetServices implements AutoCloseable {

    private final Database database;
    private final IdentityService identities;
    private final DeviceEnrollment enrollment;
    private final Shadows shadows;
    private final Registry registry;
    private final ImageCatalog firmware;
    /* links to the download server once the instance started it (startFirmwareDelivery); refusals until then */
    private volatile FirmwareDelivery firmwareDelivery = LocalFirmwareDelivery.notServing();
    private final Jobs jobs;
    /* made once the broker is up (startProvisioning); null for a command on a folder no instance holds */
    private @Nullable FleetProvisioning provisioning;

    private @Nullable ConnectivityTracker connectivity;
    private @Nullable LastSeen lastSeen;
    private @Nullable ShadowService shadowService;
    /* serves the jobs device API once the broker is up; null for a command on a folder no instance holds */
    private volatile @Nullable JobsService jobsService;
    private @Nullable FleetIndex fleetIndex;
    private @Nullable DynamicThingGroups dynamicGroups;
    private final Path indexFolder;
    /** Every committed change of the fleet, for the index, the views and whoever else follows. */
    private final FleetEventHub events = new FleetEventHub();
    /** AWS's registry event topics, once the broker runs: they read the registry, so they are told within the change. */
    private volatile FleetEventSink registryTopics = FleetEventSink.NONE;
    /** The open index that follows the fleet's events now (the instance's, or a command's), if any. */
    private volatile @Nullable FleetIndex following;

    private @Nullable IndexFollower follower;
    /** The store changed while no index followed it: the index on disk is behind. */
    private volatile boolean changedUnindexed;

    private FleetServices(
            Database database, IdentityService identities, ImageCatalog firmware, Path indexFolder, Clock clock) {
        this.database = database;
        this.firmware = firmware;
        this.indexFolder = indexFolder;
        FleetEventSink committed = ((FleetEventSink) this::noteWhetherIndexed).andThen(events);
        this.shadows = new Shadows(database, clock, ShadowLimits.awsDefaults(), committed);
        // the identities drop their decisions (and move a renamed group's policies) within the change itself
        FleetEventSink registryChanges = ((FleetEventSink) identities::registryChanged)
                .andThen(event -> registryTopics.publish(event))
                .andThen(committed);
        this.registry = new Registry(database, clock, registryChanges);
        this.jobs = new Jobs(database, clock, committed);
        identities.inheritGroupPoliciesFrom(registry::groupsWithAncestors);
        identities.refusePoliciesOnDynamicGroups(
                group -> registry.thingGroup(group).map(ThingGroup::isDynamic).orElse(false));
        identities.publishChangesTo(committed);
        this.identities = identities;
        this.enrollment = new DeviceEnrollment(identities, registry);
    }

    /** A change committed while no open index follows the events leaves the index on disk behind the store. */
    private void noteWhetherIndexed(FleetEvent event) {
        FleetIndex index = following;
        if (index == null || !index.isOpen()) {
            changedUnindexed = true;
        }
    }

    /** The index follows the fleet's events from now on, and tells what it wrote as events of its own. */
    private void follow(FleetIndex index) {
        if (follower != null) {
            follower.close();
        }
        index.onIndexed(new IndexAnnouncements(events));
        IndexFollower started = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
        index.beforeClose(started::close);
        follower = started;
        following = index;
    }

    /** @param databaseUrl the store's JDBC URL (PostgreSQL), or null for {@code fleetdeck.db} in the data folder */
    static FleetServices open(DataFolder folder, @Nullable String databaseUrl, Clock clock) throws StartupException {
        return open(folder, databaseUrl, null, clock);
    }

    /**
     * @param space the data folder's disk, whose being full refuses changes to a store kept in the folder (issue 13,
     *     defect 6); null to let every write try
     */
    static FleetServices open(
            DataFolder folder, @Nullable String databaseUrl, @Nullable DataFolderSpace space, Clock clock)
            throws StartupException {
        Path storeFile = folder.root().resolve("fleetdeck.db");
        Database database;
        try {
            database = databaseUrl == null ? Database.sqliteFile(storeFile) : Database.open(databaseUrl);
        } catch (StoreException e) {
            throw new StartupException(
                    "cannot open the store " + (databaseUrl == null ? storeFile : "at the database URL") + ": "
                            + e.getMessage(),
                    e);
        }
        if (databaseUrl == null && space != null) {
            // a PostgreSQL store lives on its server's disk: only the folder's own SQLite file waits for room here
            database.refuseWritesWhen(space::refusal);
        }
        try {
            CertificateAuthority ca = CertificateAuthority.load(folder.root().resolve("pki"), clock);
            IdentityService identities = IdentityService.open(database, ca, clock);
            // no jobs service yet, so no image is in use; the jobs service will answer ImageUse (issue 16)
            ImageCatalog firmware =
                    ImageCatalog.open(folder.root(), new FirmwareSigningAuthority(ca), ImageUse.NONE, clock);
            FleetServices services = new FleetServices(
                    database, identities, firmware, folder.root().resolve("index"), clock);
            services.enrollment.ensureDefaults(
                    Objects.requireNonNull(folder.caCertificate().getParent(), "the CA certificate is in a folder"));
            identities.exportRevocationListTo(folder.caCertificate().resolveSibling("crl.pem"));
            FleetProvisioning.ensureTemplate(
                    database, clock, DeviceEnrollment.DEFAULT_TEMPLATE, FleetProvisioning.DEFAULT_TEMPLATE_BODY);
            return services;
        } catch (IOException
                | GeneralSecurityException
                | IdentityException
                | ProvisioningException
                | StoreException e) {
            database.close();
            throw new StartupException("cannot set up device identities: " + e.getMessage(), e);
        }
    }

    /** Starts answering fleet provisioning requests (by claim) on the broker's channel. */
    void startProvisioning(MqttChannel channel, Clock clock) {
        provisioning =
                FleetProvisioning.start(channel, identities, registry, database, clock, PreProvisioningHook.ALLOW_ALL);
        identities.publishEventsTo((topic, payload) -> channel.publish(topic, payload, 1, false));
        registryTopics = new RegistryEventPublisher(
                registry, (topic, payload) -> channel.publish(topic, payload, 1, false), clock);
        connectivity = new ConnectivityTracker(channel, events);
        lastSeen = LastSeen.start(channel.clientActivity(), events, clock, LastSeen.INTERVAL);
        shadowService = ShadowService.start(channel, shadows);
        jobsService = JobsService.start(channel, jobs, clock);
        fleetIndex =
                FleetIndex.open(indexFolder, new ThingDocuments(registry, shadows, connectivity::of, lastSeen::of));
        follow(fleetIndex);
        // in the background: thousands of devices were connected when the last instance stopped
        fleetIndex.thingsChanged(fleetIndex.connectedThings());
        dynamicGroups = DynamicThingGroups.start(registry, fleetIndex, events);
    }

    /** The fleet's committed changes, and what the index wrote, as a stream of typed events. */
    public FleetEvents events() {
        return events;
    }

    /** The running instance's dynamic thing groups, following its index; only once the broker is up. */
    public DynamicThingGroups dynamicGroups() {
        return started(dynamicGroups);
    }

    /** The running instance's fleet index; only once the broker is up. */
    public FleetIndex fleetIndex() {
        return started(fleetIndex);
    }

    /**
     * The index for a command-line tool on a folder no instance holds, up to date with the store: rebuilt first when
     * a command changed the store since an index last followed it (no connectivity: no broker runs). It follows the
     * store's changes until closed.
     */
    public FleetIndex upToDateIndex() {
        if (changedUnindexed) {
            FleetIndex.markStoreChanged(indexFolder);
            changedUnindexed = false;
        }
        FleetIndex index =
                FleetIndex.open(indexFolder, new ThingDocuments(registry, shadows, thing -> Optional.empty()));
        follow(index);
        // before the command's first search: no broker runs, so no thing is connected
        index.reindexNow(index.connectedThings());
        return index;
    }

    /** Each thing's connectivity, from the broker's lifecycle events; only once the broker is up. */
    public ConnectivityTracker connectivity() {
        return started(connectivity);
    }

    private static <T> T started(@Nullable T service) {
        if (service == null) {
            throw new IllegalStateException("the broker is not up yet: start the instance first");
        }
        return service;
    }

    /** The service API's shadows: the same rules as over MQTT; while the broker runs, changes reach devices too. */
    public io.fleetdeck.api.shadows.ShadowService shadows() {
        return new LocalShadows(shadows, () -> shadowService, registry::thingNames);
    }

    /** The service API's things: what the CLI, the console and the HTTP API ask of the registry. */
    public ThingService things() {
        return new LocalThings(registry, this::certificatesOf, this::connectivityOf, shadows());
    }

    /** The service API's thing types. */
    public ThingTypeService thingTypes() {
        return new LocalThingTypes(registry);
    }

    /** The service API's firmware catalog: signed images in the data folder, each verified before it is offered. */
    public FirmwareCatalog firmware() {
        return new LocalFirmwareCatalog(firmware, events);
    }

    /** Download links to the running instance's firmware server; refused on a folder no instance serves. */
    public FirmwareDelivery firmwareDelivery() {
        return firmwareDelivery;
    }

    /** The catalog the download server sends images from. */
    ImageCatalog imageCatalog() {
        return firmware;
    }

    /** From now on links point at {@code downloads}. */
    void deliverFirmwareThrough(FirmwareDownloads downloads) {
        firmwareDelivery = LocalFirmwareDelivery.serving(downloads.urls());
    }

    /** The service API's jobs: while the broker runs, the things a change concerns hear of it at once. */
    public JobService jobs() {
        return new LocalJobs(jobs, registry, () -> jobsService);
    }

    /** The certificates that speak for a thing, with their status as the registry has it. */
    private List<ThingDetail.Certificate> certificatesOf(String thingName) {
        return identities.principalsOf(thingName).stream()
                .map(id -> new ThingDetail.Certificate(
                        id,
                        identities
                                .certificate(id)
                                .map(CertificateRecord::status)
                                .map(Enum::name)
                                .orElse("UNKNOWN")))
                .toList();
    }

    /** The service API's certificates and policies; {@code rootCa} is the data folder's CA, for issued bundles. */
    public CertificateService certificates(Path rootCa) {
        return new LocalCertificates(identities, enrollment(), rootCa, Clock.systemUTC());
    }

    /** The service API's lists of certificates and policies, as a script reads them. */
    public CertificateRegistry certificateRegistry() {
        return new LocalCertificateRegistry(identities);
    }

    /** The service API's fleet overview: every thing in a row, the changed ones as the index wrote them. */
    public FleetOverview fleetOverview() {
        return new LocalFleetOverview(registry, shadows, this::connectivityOf, this::fleetIndex);
    }

    /** What the broker last said of a thing's connection; nothing while no broker runs. */
    private Optional<ThingDetail.Connectivity> connectivityOf(String thingName) {
        ConnectivityTracker tracker = connectivity;
        LastSeen heard = lastSeen;
        return tracker == null
                ? Optional.empty()
                : tracker.of(thingName)
                        .map(seen -> new ThingDetail.Connectivity(
                                seen.connected(),
                                seen.timestamp(),
                                seen.disconnectReason(),
                                heard == null
                                        ? seen.timestamp()
                                        : heard.of(thingName).orElse(seen.timestamp())));
    }

    /** The service API's fleet index; looked up on each call, because a rebuild on demand replaces the index. */
    public FleetSearchService search() {
        return new LocalFleetSearch(this::fleetIndex, registry);
    }

    /** The service API's thing groups; dynamic ones can be made once the index runs. */
    public GroupService groups() {
        return new LocalGroups(registry, identities, this::dynamicGroups);
    }

    /** The thing groups with {@code dynamicGroups} making the dynamic ones: for a command, which has no broker. */
    public GroupService groupsFollowing(DynamicThingGroups dynamicGroups) {
        return new LocalGroups(registry, identities, () -> dynamicGroups);
    }

    /** Things, thing types and thing groups. */
    public Registry registry() {
        return registry;
    }

    public IdentityService identities() {
        return identities;
    }

    public DeviceEnrollment enrollment() {
        return enrollment;
    }

    @Override
    public void close() {
        if (provisioning != null) {
            provisioning.close();
        }
        if (connectivity != null) {
            connectivity.close();
        }
        if (lastSeen != null) {
            lastSeen.close();
        }
        if (shadowService != null) {
            shadowService.close();
        }
        JobsService servingJobs = jobsService;
        if (servingJobs != null) {
            servingJobs.close();
        }
        // the last queued shadow updates commit before the index writes what it was told and closes clean
        shadows.close();
        if (dynamicGroups != null) {
            dynamicGroups.close();
        }
        if (fleetIndex != null) {
            fleetIndex.close();
        }
        if (changedUnindexed) {
            FleetIndex.markStoreChanged(indexFolder);
        }
        database.close();
    }
}
