package io.fleetdeck.app.gui;

import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.app.runtime.ShadowAccess;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker;
import io.fleetdeck.fleet.identity.CertificateRecord;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowException;
import io.fleetdeck.fleet.shadow.ShadowVersion;
import io.fleetdeck.views.thing.ShadowDocument;
import io.fleetdeck.views.thing.ShadowRejectedException;
import io.fleetdeck.views.thing.ThingActionException;
import io.fleetdeck.views.thing.ThingDetail;
import io.fleetdeck.views.thing.ThingInspector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Thing view's port over the registry, the identities, the connectivity tracker and the shadows. Operator updates
 * go through the running shadow service, so the device gets its delta as from any other client. Any thread.
 */
public final class ThingInspectorAdapter implements ThingInspector {

    private static final int NOT_FOUND = 404;

    private final Registry registry;
    private final IdentityService identities;
    private final ConnectivityTracker connectivity;
    private final ShadowAccess shadows;

    ThingInspectorAdapter(
            Registry registry, IdentityService identities, ConnectivityTracker connectivity, ShadowAccess shadows) {
        this.registry = registry;
        this.identities = identities;
        this.connectivity = connectivity;
        this.shadows = shadows;
    }

    /** The Thing view's source for a running instance. */
    public static ThingInspector of(FleetdeckInstance instance) {
        return new ThingInspectorAdapter(
                instance.services().registry(),
                instance.services().identities(),
                instance.services().connectivity(),
                instance.services().shadowAccess());
    }

    @Override
    public ThingDetail detail(String thingName) throws ThingActionException {
        Thing thing =
                registry.thing(thingName).orElseThrow(() -> new ThingActionException("no thing named " + thingName));
        List<ThingDetail.Certificate> certificates = identities.principalsOf(thingName).stream()
                .map(id -> new ThingDetail.Certificate(
                        id,
                        identities
                                .certificate(id)
                                .map(CertificateRecord::status)
                                .map(Enum::name)
                                .orElse("UNKNOWN")))
                .toList();
        ThingDetail.Connectivity link = connectivity
                .of(thingName)
                .map(c -> new ThingDetail.Connectivity(c.connected(), c.timestamp(), c.disconnectReason()))
                .orElse(null);
        return new ThingDetail(
                thing.name(),
                thing.thingType(),
                thing.version(),
                thing.attributes(),
                thing.groups(),
                certificates,
                link,
                shadows.shadows().shadowNames(thingName));
    }

    @Override
    public Optional<ShadowDocument> shadow(String thingName, String shadowName) throws ThingActionException {
        try {
            var document = shadows.get(thingName, shadowName);
            return Optional.of(new ShadowDocument(
                    document.path("version").asLong(),
                    Instant.ofEpochSecond(document.path("timestamp").asLong()),
                    document.toString()));
        } catch (ShadowException e) {
            if (e.code() == NOT_FOUND) {
                return Optional.empty();
            }
            throw new ThingActionException(e.code() + " " + e.getMessage());
        }
    }

    @Override
    public ShadowDocument update(String thingName, String shadowName, String updateJson)
            throws ShadowRejectedException {
        try {
            shadows.update(thingName, shadowName, updateJson);
            return shadow(thingName, shadowName)
                    .orElseThrow(() -> new ShadowRejectedException(NOT_FOUND, "the shadow was deleted meanwhile"));
        } catch (ShadowException e) {
            throw new ShadowRejectedException(e.code(), e.getMessage());
        } catch (ThingActionException e) {
            throw new ShadowRejectedException(500, e.getMessage());
        }
    }

    @Override
    public List<ShadowDocument> history(String thingName, String shadowName) {
        return shadows.shadows().history(thingName, shadowName).stream()
                .map(ThingInspectorAdapter::document)
                .toList();
    }

    private static ShadowDocument document(ShadowVersion version) {
        return new ShadowDocument(
                version.version(), Instant.ofEpochSecond(version.writtenAt()), String.valueOf(version.document()));
    }
}
