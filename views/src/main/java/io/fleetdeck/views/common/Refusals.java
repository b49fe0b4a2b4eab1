package io.fleetdeck.views.common;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidQueryException;

/** A refusal of the service API as the console words it, the same words the CLI prints after {@code fleetdeck:}. */
public final class Refusals {

    private Refusals() {}

    public static String text(FleetApiException refused) {
        String message = String.valueOf(refused.getMessage());
        return refused instanceof InvalidQueryException ? "query error: " + message : message;
    }
}
