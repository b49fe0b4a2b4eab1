/** The console's window and the views' sources over this process's fleet. */
@NullMarked
package io.fleetdeck.app.gui;

import org.jspecify.annotations.NullMarked;
