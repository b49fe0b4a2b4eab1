/** The console's window: navigation, the status bar and the views it holds. */
@NullMarked
package io.fleetdeck.views.shell;

import org.jspecify.annotations.NullMarked;
