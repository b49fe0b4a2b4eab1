package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A classic shadow at a glance, for lists of thousands of things: its version, how many fields of desired state the
 * device has not reported yet (the delta's leaves), and its reported section (empty when none).
 */
public record ShadowSummary(long version, int pendingDeltaFields, ObjectNode reported) {}
