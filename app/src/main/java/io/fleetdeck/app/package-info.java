/** The fleetdeck command's entry point. */
@NullMarked
package io.fleetdeck.app;

import org.jspecify.annotations.NullMarked;
