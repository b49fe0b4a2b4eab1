/** Start-up failures with one line that says what to do. */
@NullMarked
package io.fleetdeck.app.startup;

import org.jspecify.annotations.NullMarked;
