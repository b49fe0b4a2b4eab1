/** The Netty server: connections, lifecycle events, delayed wills, QoS 2 exchanges and in-process subscriptions. */
@NullMarked
package io.fleetdeck.broker.server;

import org.jspecify.annotations.NullMarked;
