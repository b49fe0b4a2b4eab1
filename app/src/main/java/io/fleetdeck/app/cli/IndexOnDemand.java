package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.FleetServices;
import io.fleetdeck.index.FleetIndex;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The fleet index a command opens only when its answer needs it (a search of {@code AWS_ThingGroups} does not), up to
 * date with the store, and closes when done.
 */
final class IndexOnDemand implements Supplier<FleetIndex>, AutoCloseable {

    private final FleetServices services;
    private @Nullable FleetIndex index;

    IndexOnDemand(FleetServices services) {
        this.services = services;
    }

    @Override
    public FleetIndex get() {
        FleetIndex open = index;
        if (open == null) {
            open = services.upToDateIndex();
            index = open;
        }
        return open;
    }

    @Override
    public void close() {
        if (index != null) {
            index.close();
        }
    }
}
