package io.fleetdeck.api.shadows;

/** A shadow by its thing's name and its own ({@code ""} for the classic shadow). */
public record ShadowName(String thingName, String shadowName) {}
