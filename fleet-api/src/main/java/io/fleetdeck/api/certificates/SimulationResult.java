package io.fleetdeck.api.certificates;

/**
 * The policy simulator's answer.
 *
 * @param explanation what decided it, in words: {@code DENY by statement 4 of policy P}
 */
public record SimulationResult(boolean allowed, String explanation) {}
