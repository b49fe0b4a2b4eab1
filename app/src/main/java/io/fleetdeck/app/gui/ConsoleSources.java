package io.fleetdeck.app.gui;

import io.fleetdeck.api.broker.BrokerMonitoring;
import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.api.things.ThingTypeService;
import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.app.service.LocalBrokerMonitoring;
import io.fleetdeck.views.certificates.BundleSaver;
import java.time.Clock;

/**
 * What the console's sections read from and act on; a null source leaves its section to say it is not built yet (a
 * null {@code search} leaves the Fleet view with its quick filter).
 */
public record ConsoleSources(
        BrokerMonitoring broker,
        CertificateService certificates,
        BundleSaver bundles,
        FleetOverview fleet,
        FleetSearchService search,
        ThingService things,
        ShadowService shadows,
        GroupService groups,
        ThingTypeService thingTypes,
        FleetEvents events) {

    /** Every section over a running instance's services. */
    public static ConsoleSources of(FleetdeckInstance instance) {
        return new ConsoleSources(
                new LocalBrokerMonitoring(
                        instance.broker().messageBroker(), instance.broker().description(), Clock.systemUTC()),
                instance.services().certificates(instance.dataFolder().caCertificate()),
                DeviceBundleSaver::save,
                instance.services().fleetOverview(),
                instance.services().search(),
                instance.services().things(),
                instance.services().shadows(),
                instance.services().groups(),
                instance.services().thingTypes(),
                instance.services().events());
    }
}
