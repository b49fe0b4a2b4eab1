package io.fleetdeck.views.certificates;

import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.testing.DemoSection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.application.Platform;

/** The Certificates section over a fake registry of devices, for tests outside this package that open the console. */
public final class CertificatesDemo {

    private CertificatesDemo() {}

    public static DemoSection of(int devices) {
        FakeDirectory directory = FakeDirectory.withDevices(devices);
        CertificatesViewModel model = new CertificatesViewModel(Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC));
        CertificateActionsModel actions =
                new CertificateActionsModel(directory, directory::saveBundle, model, ViewTasks.javaFx());
        PolicySimulationModel simulator = new PolicySimulationModel(directory, model, ViewTasks.javaFx());
        CertificatesFeed feed = new CertificatesFeed(directory, Platform::runLater, model::apply);
        return new DemoSection(
                () -> new CertificatesView(model, actions, simulator, (owner, title) -> Optional.empty()).node(), feed);
    }
}
