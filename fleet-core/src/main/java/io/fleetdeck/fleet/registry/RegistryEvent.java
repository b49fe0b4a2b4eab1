package io.fleetdeck.fleet.registry;

/**
 * A change in the registry, for the index and the views (AWS-IOT-BEHAVIOUR §4.4 names the same changes):
 * {@code kind} is thing, thingGroup, thingType or membership; {@code change} created, updated, deleted, added or
 * removed; {@code subject} the name, and {@code other} the thing of a membership change (else null).
 */
public record RegistryEvent(String kind, String change, String subject, String other) {}
