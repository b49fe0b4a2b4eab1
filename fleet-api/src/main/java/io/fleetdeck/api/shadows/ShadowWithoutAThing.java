package io.fleetdeck.api.shadows;

import java.time.Instant;

/**
 * A shadow whose thing is not in the registry: its thing's name and its own ({@code ""} for the classic shadow), its
 * version and when that version was written, which is what tells a forgotten test shadow from a device at work.
 */
public record ShadowWithoutAThing(String thingName, String shadowName, long version, Instant updatedAt) {}
