/** The embedded broker as an operator watches it: totals, clients with their sessions and drops, topics. */
@NullMarked
package io.fleetdeck.api.broker;

import org.jspecify.annotations.NullMarked;
