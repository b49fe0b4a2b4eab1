package io.fleetdeck.app.archfixture.left;

import io.fleetdeck.app.archfixture.right.Limits;

/** A deliberate offender: with {@link Limits} it makes two packages that use each other, as session and server did. */
public final class Session {

    public int queueBound(Limits limits) {
        return limits.queueBound();
    }
}
