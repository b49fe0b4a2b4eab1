package io.fleetdeck.views.groups;

import org.jspecify.annotations.Nullable;

/** An action on thing groups the registry refused, with its message as the user should read it. */
public final class GroupActionException extends Exception {

    public GroupActionException(@Nullable String message) {
        super(message);
    }
}
