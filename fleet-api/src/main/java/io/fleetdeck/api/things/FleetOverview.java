package io.fleetdeck.api.things;

import io.fleetdeck.api.error.FleetApiException;
import java.util.Collection;
import java.util.List;

/**
 * Every thing in one flat row each: what an operator scans the fleet by. A table reads it whole once, then follows the
 * fleet index's {@code ThingIndexed} announcements and reads only the things named there.
 */
public interface FleetOverview {

    /** Every thing's row, in no particular order. */
    List<ThingOverview> allThings() throws FleetApiException;

    /**
     * The rows of {@code names} as the fleet index last wrote them (the forward path: no read of the store); a name
     * without a row is a thing that no longer exists.
     */
    List<ThingOverview> things(Collection<String> names) throws FleetApiException;
}
