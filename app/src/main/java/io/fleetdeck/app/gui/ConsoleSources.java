package io.fleetdeck.app.gui;

import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.views.broker.BrokerMonitor;
import io.fleetdeck.views.certificates.CertificateDirectory;
import io.fleetdeck.views.fleet.FleetDirectory;
import io.fleetdeck.views.thing.ThingInspector;

/**
 * What the console's sections read from and act on; a null source leaves its section to say it is not built yet (a
 * null {@code search} leaves the Fleet view with its quick filter).
 */
public record ConsoleSources(
        BrokerMonitor broker,
        CertificateDirectory certificates,
        FleetDirectory fleet,
        FleetSearchService search,
        ThingInspector things,
        GroupService groups,
        FleetEvents events) {

    /** Every section over a running instance's services. */
    public static ConsoleSources of(FleetdeckInstance instance) {
        return new ConsoleSources(
                BrokerMonitors.of(instance.broker()),
                CertificateDirectoryAdapter.of(instance),
                FleetDirectoryAdapter.of(instance),
                instance.services().search(),
                ThingInspectorAdapter.of(instance),
                instance.services().groups(),
                instance.services().events());
    }
}
