/** A running Fleetdeck: the broker, the fleet's services and their start and orderly stop. */
@NullMarked
package io.fleetdeck.app.runtime;

import org.jspecify.annotations.NullMarked;
