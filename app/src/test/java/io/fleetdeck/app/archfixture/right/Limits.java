package io.fleetdeck.app.archfixture.right;

import io.fleetdeck.app.archfixture.left.Session;

/** The other half of a deliberate package cycle (see {@link Session}). */
public final class Limits {

    public int queueBound() {
        return 1000;
    }

    public int boundOf(Session session) {
        return session.queueBound(this);
    }
}
