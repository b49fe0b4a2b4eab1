package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;

/** Something a published message can be delivered to: a client's session, or a service inside the process. */
public interface Subscriber {

    /**
     * Hands over one message that matched a subscription granted at {@code grantedQos}. Must not block: called on the
     * publisher's I/O thread.
     */
    void deliver(PublishedMessage message, int grantedQos);
}
