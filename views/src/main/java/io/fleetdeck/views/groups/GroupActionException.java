package io.fleetdeck.views.groups;

/** An action on thing groups the registry refused, with its message as the user should read it. */
public final class GroupActionException extends Exception {

    public GroupActionException(String message) {
        super(message);
    }
}
