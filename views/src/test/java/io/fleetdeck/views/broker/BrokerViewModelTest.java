package io.fleetdeck.views.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetdeck.api.broker.BrokerSnapshot;
import io.fleetdeck.api.broker.BrokerSnapshot.ClientRow;
import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static BrokerSnapshot snapshot(Instant at, long in, long out, List<ClientRow> clients) {
        return new BrokerSnapshot(at, "MQTT over TLS on port 8883", in, out, 3, 2, clients, List.of());
    }

    private static ClientRow client(String id, boolean connected) {
        return new ClientRow(id, "127.0.0.1:5000", "5", connected ? T0 : null, 1, 2, 0, Drops.NONE, connected);
    }

    @Test
    void ratesComeFromTheDifferenceBetweenTwoSamples() {
        BrokerViewModel model = new BrokerViewModel();
        model.apply(snapshot(T0, 1_000, 5_000, List.of()));
        assertThat(model.inPerSecondProperty().get()).isZero();

        model.apply(snapshot(T0.plusMillis(500), 1_500, 6_000, List.of()));

        assertThat(model.inPerSecondProperty().get()).isCloseTo(1_000, within(0.001));
        assertThat(model.outPerSecondProperty().get()).isCloseTo(2_000, within(0.001));
        assertThat(model.rateHistory()).singleElement().satisfies(point -> {
            assertThat(point.secondsAgo()).isZero();
            assertThat(point.inPerSecond()).isCloseTo(1_000, within(0.001));
        });
    }

    @Test
    void theTilesShowTheRateOverTheLastFiveSeconds() {
        BrokerViewModel model = new BrokerViewModel();
        long in = 0;
        model.apply(snapshot(T0, in, 0, List.of()));
        for (int i = 1; i <= 10; i++) {
            in += i % 2 == 0 ? 2 : 0; // a message pair every second sample: 2 messages a second on average
            model.apply(snapshot(T0.plusMillis(500L * i), in, 0, List.of()));
        }

        assertThat(model.inPerSecondProperty().get()).isCloseTo(2, within(0.001));
    }

    @Test
    void theChartKeepsTheLastMinuteOnly() {
        BrokerViewModel model = new BrokerViewModel();
        for (int i = 0; i <= 200; i++) {
            model.apply(snapshot(T0.plusMillis(500L * i), i * 10L, i * 10L, List.of()));
        }

        assertThat(model.rateHistory()).hasSize(BrokerViewModel.HISTORY);
        assertThat(model.rateHistory().getFirst().secondsAgo()).isCloseTo(-59.5, within(0.001));
        assertThat(model.rateHistory().getLast().secondsAgo()).isZero();
    }

    @Test
    void onlyConnectedClientsCountAsConnectedButAllAreListed() {
        BrokerViewModel model = new BrokerViewModel();

        model.apply(snapshot(T0, 0, 0, List.of(client("pump-1", true), client("meter-2", false))));

        assertThat(model.connectedClientsProperty().get()).isEqualTo(1);
        assertThat(model.clients()).extracting(ClientRow::clientId).containsExactly("pump-1", "meter-2");
        assertThat(model.droppedProperty().get()).isEqualTo(3);
        assertThat(model.retainedProperty().get()).isEqualTo(2);
    }

    @Test
    void aClientsDropsAreExplainedByReasonWithTheBoundsInForce() {
        BrokerViewModel model = new BrokerViewModel();
        ClientRow chatty = new ClientRow("pump-1", "127.0.0.1:5000", "5", T0, 1, 2, 0, new Drops(0, 0, 40, 7), true);
        model.apply(new BrokerSnapshot(
                T0,
                "MQTT over TLS on port 8883",
                0,
                0,
                47,
                0,
                List.of(chatty),
                List.of(),
                new BrokerSnapshot.QueueBounds(0, 65_536)));

        assertThat(model.droppedExplanation(chatty))
                .isEqualTo("47 messages dropped:\n"
                        + "40 QoS 1: its queue held 65,536 bytes already (--max-queued-bytes)\n"
                        + "7 over AWS's rate of 100 publishes a second per connection (--aws-quotas)");
        assertThat(model.droppedExplanation(client("meter-2", true))).isEmpty();
    }
}
