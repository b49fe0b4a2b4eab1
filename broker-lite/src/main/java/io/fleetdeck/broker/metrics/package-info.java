/** Per-client and broker-wide counters: traffic, security events, topic activity, disconnect reasons. */
@NullMarked
package io.fleetdeck.broker.metrics;

import org.jspecify.annotations.NullMarked;
