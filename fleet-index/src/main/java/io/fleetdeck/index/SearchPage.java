package io.fleetdeck.index;

import java.util.List;

/** One page of a search: how many things match in all, and the names on this page, in the search's order. */
public record SearchPage(int total, List<String> thingNames) {

    public SearchPage {
        thingNames = List.copyOf(thingNames);
    }
}
