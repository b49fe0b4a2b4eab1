package io.fleetdeck.views.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import io.fleetdeck.api.broker.BrokerSnapshot.QueueBounds;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Dropped column's tooltip in the user's language, its counts grouped and its plural right. */
class DroppedExplanationTest {

    @Test
    void oneDroppedMessageIsOneMessage() {
        assertThat(DroppedExplanation.of(new Drops(1, 0, 0, 0), QueueBounds.DEFAULTS))
                .isEqualTo("1 message dropped:\n1 QoS 0: its connection could not take them fast enough");
    }

    @Test
    void onAGermanDesktopTheExplanationIsGermanWithGermanDigitGrouping() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(DroppedExplanation.of(new Drops(0, 0, 2_048, 1_500), new QueueBounds(1000, 65_536)))
                    .isEqualTo("3.548 Nachrichten verworfen:\n"
                            + "2.048 mit QoS 1: die Warteschlange hielt schon 65.536 Bytes (--max-queued-bytes)\n"
                            + "1.500 über der AWS-Rate von 100 Veröffentlichungen pro Sekunde und Verbindung"
                            + " (--aws-quotas)");
        } finally {
            Locale.setDefault(before);
        }
    }
}
