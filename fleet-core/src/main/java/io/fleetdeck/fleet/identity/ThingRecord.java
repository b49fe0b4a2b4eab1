package io.fleetdeck.fleet.identity;

import java.util.Map;

/** The minimal thing the identity side needs: a name and attributes, for {@code ${iot:Connection.Thing.*}}. */
public record ThingRecord(String name, Map<String, String> attributes, long version) {

    public ThingRecord {
        attributes = Map.copyOf(attributes);
    }
}
