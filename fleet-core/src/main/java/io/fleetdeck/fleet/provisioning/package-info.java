/** Fleet provisioning by claim: templates, the pre-provisioning hook and the MQTT API. */
@NullMarked
package io.fleetdeck.fleet.provisioning;

import org.jspecify.annotations.NullMarked;
