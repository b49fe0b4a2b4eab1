/** MQTT details shared by the server: publish encoding, QoS 2 packets, reason codes, topic rules. */
@NullMarked
package io.fleetdeck.broker.protocol;

import org.jspecify.annotations.NullMarked;
