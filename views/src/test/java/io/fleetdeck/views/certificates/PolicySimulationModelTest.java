package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.SimulationResult;
import io.fleetdeck.views.common.ViewTasks;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The policy simulator without a screen: simulations run at once on the calling thread. */
class PolicySimulationModelTest {

    private static final Clock CLOCK = Clock.fixed(FakeDirectory.NOW, ZoneOffset.UTC);

    private final FakeDirectory directory = FakeDirectory.withDevices(100);
    private final CertificatesViewModel model = new CertificatesViewModel(CLOCK);
    private final PolicySimulationModel simulator =
            new PolicySimulationModel(directory, model, ViewTasks.callingThread());

    @Test
    void theSimulatorActsAsTheSelectedCertificatesThing() {
        model.apply(directory.snapshot());
        CertificateRow chosen = model.certificates().get(2);
        model.selectCertificate(chosen);
        String thing = chosen.things().getFirst();
        assertThat(simulator.simulationClientIdProperty().get()).isEqualTo(thing);

        simulator.simulationActionProperty().set("Publish");
        simulator.simulationResourceProperty().set("dt/" + thing + "/admin");
        simulator.simulate();
        assertThat(simulator.simulationProperty().get())
                .isEqualTo(new SimulationResult(false, "DENY by statement 2 of policy " + FakeDirectory.POLICY));

        simulator.simulationResourceProperty().set("dt/" + thing + "/telemetry");
        assertThat(simulator.simulationProperty().get())
                .as("a changed input clears the old answer")
                .isNull();
        simulator.simulate();
        assertThat(simulator.simulationProperty().get().allowed()).isTrue();

        simulator.simulationActionProperty().set("Connect");
        simulator.simulationResourceProperty().set("");
        simulator.simulate();
        assertThat(simulator.simulationProperty().get().explanation())
                .as("Connect with no resource connects as the client id")
                .isEqualTo("ALLOW by statement 0 of policy " + FakeDirectory.POLICY);

        simulator.simulationActionProperty().set("Subscribe");
        simulator.simulate();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("Enter the topic filter to subscribe.");
    }
}
