package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One version of a shadow from its history: the version, when it was written (epoch seconds), and the whole document
 * as it was then ({@code state} with desired and reported, {@code metadata}, {@code version}).
 */
public record ShadowVersion(
        long version, long writtenAt, @Nullable ObjectNode document) {}
