/** The device registry: things, thing types, static and dynamic thing groups, and AWS's registry event topics. */
@NullMarked
package io.fleetdeck.fleet.registry;

import org.jspecify.annotations.NullMarked;
