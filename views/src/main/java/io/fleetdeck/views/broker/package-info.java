/** The Broker view: live traffic, clients, topics and their counters. */
@NullMarked
package io.fleetdeck.views.broker;

import org.jspecify.annotations.NullMarked;
