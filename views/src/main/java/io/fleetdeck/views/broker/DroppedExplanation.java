package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import io.fleetdeck.api.broker.BrokerSnapshot.QueueBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a client's messages were dropped, in the words of the broker's options, for the Dropped column's tooltip: a
 * support engineer reading "1,200" wants to know whether the device was away too long, too slow, or too chatty.
 */
final class DroppedExplanation {

    private DroppedExplanation() {}

    /** The explanation, or an empty string when nothing was dropped. */
    static String of(Drops drops, QueueBounds bounds) {
        if (drops.total() == 0) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d messages dropped:", drops.total()));
        if (drops.queueFull() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%,d QoS 1: its queue held %,d messages already (--max-queued-messages)",
                    drops.queueFull(),
                    bounds.messages()));
        }
        if (drops.queueBytesFull() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%,d QoS 1: its queue held %,d bytes already (--max-queued-bytes)",
                    drops.queueBytesFull(),
                    bounds.bytes()));
        }
        if (drops.slowConnection() > 0) {
            lines.add(String.format(
                    Locale.ROOT, "%,d QoS 0: its connection could not take them fast enough", drops.slowConnection()));
        }
        if (drops.throttled() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%,d over AWS's rate of 100 publishes a second per connection (--aws-quotas)",
                    drops.throttled()));
        }
        return String.join("\n", lines);
    }
}
