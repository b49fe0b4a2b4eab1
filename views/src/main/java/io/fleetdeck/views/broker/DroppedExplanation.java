package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.Drops;
import io.fleetdeck.api.broker.BrokerSnapshot.QueueBounds;
import io.fleetdeck.views.common.Texts;
import java.util.ArrayList;
import java.util.List;

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
        lines.add(Texts.get("broker.dropped.total", drops.total()));
        if (drops.queueFull() > 0) {
            lines.add(Texts.get("broker.dropped.queueFull", drops.queueFull(), bounds.messages()));
        }
        if (drops.queueBytesFull() > 0) {
            lines.add(Texts.get("broker.dropped.queueBytesFull", drops.queueBytesFull(), bounds.bytes()));
        }
        if (drops.slowConnection() > 0) {
            lines.add(Texts.get("broker.dropped.slowConnection", drops.slowConnection()));
        }
        if (drops.throttled() > 0) {
            lines.add(Texts.get("broker.dropped.throttled", drops.throttled()));
        }
        return String.join("\n", lines);
    }
}
