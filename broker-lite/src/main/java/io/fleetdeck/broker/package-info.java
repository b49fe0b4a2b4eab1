/** broker-lite's embedding API: the in-process channel services use, published messages, client connections and their lifecycle. */
@NullMarked
package io.fleetdeck.broker;

import org.jspecify.annotations.NullMarked;
