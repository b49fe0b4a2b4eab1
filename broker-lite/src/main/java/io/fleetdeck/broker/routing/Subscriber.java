package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;

/** Something a published message can be delivered to: a client's session, or a service inside the process. */
public interface Subscriber {

    /**
     * Hands over one message that matched a subscription granted at {@code grantedQos}. Must not block: called on the
     * publisher's I/O thread.
     */
    void deliver(PublishedMessage message, int grantedQos);

    /**
     * Hands over a message as it was published, retain flag and all. A live delivery carries retain=false (MQTT 3.1.1
     * §3.3.1.3), which is what this default does; a client's session may keep it for a subscription with MQTT 5's
     * Retain As Published, or skip its own message under No Local (MQTT 5 §3.8.3.1).
     */
    default void deliverLive(PublishedMessage published, int grantedQos) {
        deliver(published.withRetain(false), grantedQos);
    }
}
