/** The broker's limits, rate quotas and MQTT profile (AWS's or standard MQTT). */
@NullMarked
package io.fleetdeck.broker.config;

import org.jspecify.annotations.NullMarked;
