package io.fleetdeck.fleet.registry;

/**
 * A change in the registry, for the index and the views (AWS-IOT-BEHAVIOUR §4.4 names the same changes):
 * {@code kind} is thing, thingGroup, thingType, membership, dynamicMembership (a thing entering or leaving a dynamic
 * group because of its query, not by hand) or hierarchy; {@code change} created, updated, deleted,
 * added, removed or (a thing group, in the console only) renamed; {@code subject} the name (the group of a membership,
 * the parent of a hierarchy change, the old name of a rename), and {@code other} the thing of a membership, the child
 * group of a hierarchy change or the new name of a rename (else null).
 */
public record RegistryEvent(String kind, String change, String subject, String other) {}
