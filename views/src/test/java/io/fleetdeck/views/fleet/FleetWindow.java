package io.fleetdeck.views.fleet;

import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import io.fleetdeck.views.thing.FakeInspector;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.stage.Stage;

/** The console window open on the Fleet section over a fake fleet, as the Fleet view's window tests start it. */
record FleetWindow(ShellViewModel shell, FleetWorkspace workspace) {

    static FleetWindow open(Stage stage, FakeFleet fleet, ConsoleMemory memory) {
        FakeInspector anyThing = FakeInspector.anyThing();
        return open(stage, fleet, memory, anyThing, anyThing, fleet.events);
    }

    /** Over {@code things} and {@code shadows} for the thing tabs and the shadows without a thing, told by {@code events}. */
    static FleetWindow open(
            Stage stage,
            FakeFleet fleet,
            ConsoleMemory memory,
            ThingService things,
            ShadowService shadows,
            FleetEvents events) {
        ShellViewModel shell =
                new ShellViewModel(new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883), memory);
        FleetWorkspace workspace = new FleetWorkspace(
                fleet,
                events,
                new FakeSearch(fleet),
                memory,
                things,
                shadows,
                Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC),
                ViewTasks.javaFx());
        new ConsoleWindow(stage, shell, Map.of(Section.FLEET, workspace::node)).show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.FLEET);
        return new FleetWindow(shell, workspace);
    }
}
