package io.fleetdeck.broker.policy;

/** A policy in force for a principal: its name (for explanations) and its default version's document. */
public record AttachedPolicy(String name, PolicyDocument document) {}
