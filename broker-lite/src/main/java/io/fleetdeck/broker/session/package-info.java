/** MQTT sessions: their outbound queues, rate limits and the session store. */
@NullMarked
package io.fleetdeck.broker.session;

import org.jspecify.annotations.NullMarked;
