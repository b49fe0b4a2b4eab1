package io.fleetdeck.views.shell;

import io.fleetdeck.views.broker.BrokerDemo;
import io.fleetdeck.views.certificates.CertificatesDemo;
import io.fleetdeck.views.fleet.FleetDemo;
import io.fleetdeck.views.groups.GroupsDemo;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.testing.DemoSection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * The console window with every section built so far over the test fakes (Fleet, Groups with its Thing types tab,
 * Broker, Certificates), the others showing what will be there: the console as an operator meets it.
 */
record WholeConsole(ShellViewModel shell, ConsoleWindow window, List<DemoSection> sections) implements AutoCloseable {

    static WholeConsole open(Stage stage, Theme theme) {
        ConsoleMemory memory = new ConsoleMemory(new ConsoleSettings(theme, null), settings -> {});
        ShellViewModel shell =
                new ShellViewModel(new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883), memory);
        Map<Section, DemoSection> built = new EnumMap<>(Section.class);
        built.put(Section.FLEET, FleetDemo.of(memory, 200));
        built.put(Section.GROUPS, GroupsDemo.of());
        built.put(Section.BROKER, BrokerDemo.of());
        built.put(Section.CERTIFICATES, CertificatesDemo.of(40));
        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        built.forEach((section, demo) -> views.put(section, demo.view()));
        ConsoleWindow window = new ConsoleWindow(stage, shell, views);
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        return new WholeConsole(shell, window, List.copyOf(built.values()));
    }

    @Override
    public void close() throws Exception {
        for (DemoSection section : sections) {
            section.feed().close();
        }
    }
}
