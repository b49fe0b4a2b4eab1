/** The console's settings: theme, window, recent and saved queries. */
@NullMarked
package io.fleetdeck.views.settings;

import org.jspecify.annotations.NullMarked;
