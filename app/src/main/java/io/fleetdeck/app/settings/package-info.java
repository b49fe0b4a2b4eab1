/** The console's settings file. */
@NullMarked
package io.fleetdeck.app.settings;

import org.jspecify.annotations.NullMarked;
