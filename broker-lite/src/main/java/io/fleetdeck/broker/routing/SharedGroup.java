package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The members of one shared subscription {@code $share/<group>/<filter>} (MQTT 5 §4.8.2): each message goes to one
 * member, in turn, so a pool of workers splits a stream. Thread-safe: members and the turn sit behind this object's
 * monitor; delivery to the chosen member happens outside it.
 */
final class SharedGroup implements Subscriber {

    private record Member(Subscriber subscriber, int qos) {}

    private final List<Member> members = new ArrayList<>();
    private int next;

    synchronized void add(Subscriber subscriber, int qos) {
        members.removeIf(member -> member.subscriber() == subscriber);
        members.add(new Member(subscriber, qos));
    }

    synchronized boolean remove(Subscriber subscriber) {
        return members.removeIf(member -> member.subscriber() == subscriber);
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public void deliver(PublishedMessage message, int groupQos) {
        Member chosen = nextMember();
        if (chosen != null) {
            chosen.subscriber().deliver(message, chosen.qos());
        }
    }

    /** The chosen member decides about the retain flag (MQTT 5 Retain As Published). */
    @Override
    public void deliverLive(PublishedMessage published, int groupQos) {
        Member chosen = nextMember();
        if (chosen != null) {
            chosen.subscriber().deliverLive(published, chosen.qos());
        }
    }

    private synchronized @Nullable Member nextMember() {
        return members.isEmpty() ? null : members.get(next++ % members.size());
    }
}
