package io.fleetdeck.views.thing;

/** A read the fleet's services refused or could not do, with their message as the user should read it. */
public final class ThingActionException extends Exception {

    public ThingActionException(String message) {
        super(message);
    }
}
