/** Simulated devices that are real MQTT clients over mutual TLS: the demo fleet, canaries and load. */
@NullMarked
package io.fleetdeck.sim;

import org.jspecify.annotations.NullMarked;
