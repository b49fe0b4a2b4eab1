/** Durable shadow updates through the store and over MQTT, with readers beside them. */
@NullMarked
package io.fleetdeck.bench.shadow;

import org.jspecify.annotations.NullMarked;
