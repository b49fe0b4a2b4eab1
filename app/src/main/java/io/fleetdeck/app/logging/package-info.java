/** Logging set-up: what goes to the console and to the data folder's log. */
@NullMarked
package io.fleetdeck.app.logging;

import org.jspecify.annotations.NullMarked;
