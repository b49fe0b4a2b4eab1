package io.fleetdeck.views.fleet;

import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.testing.DemoSection;
import io.fleetdeck.views.thing.FakeInspector;
import java.time.Clock;
import java.time.ZoneOffset;

/** The Fleet section over a small fake fleet, for tests outside this package that open the whole console. */
public final class FleetDemo {

    private FleetDemo() {}

    public static DemoSection of(ConsoleMemory memory, int things) {
        FakeFleet fleet = FakeFleet.withThings(things);
        FakeInspector anyThing = FakeInspector.anyThing();
        FleetWorkspace workspace = new FleetWorkspace(
                fleet,
                fleet.events,
                new FakeSearch(fleet),
                memory,
                anyThing,
                anyThing,
                Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC),
                ViewTasks.javaFx());
        return new DemoSection(workspace::node, workspace);
    }
}
