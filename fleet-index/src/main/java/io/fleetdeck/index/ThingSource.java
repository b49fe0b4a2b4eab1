package io.fleetdeck.index;

import java.util.Optional;
import java.util.function.Consumer;

/** Where the index reads things from: the store, which is the truth (the index is only a cache of it). */
public interface ThingSource {

    /** The thing as the index should see it now; empty when it is not registered. */
    Optional<FleetDocument> document(String thingName);

    /** Every registered thing, one at a time: for a rebuild. */
    void eachDocument(Consumer<FleetDocument> sink);
}
