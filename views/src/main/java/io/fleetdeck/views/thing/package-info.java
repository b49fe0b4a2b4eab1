/** The Thing view: one thing's registry entry, certificates, connectivity, shadows, desired-state editor and history. */
@NullMarked
package io.fleetdeck.views.thing;

import org.jspecify.annotations.NullMarked;
