/** Each thing's connectivity as Fleet Indexing shows it, kept from the broker's lifecycle events. */
@NullMarked
package io.fleetdeck.fleet.connectivity;

import org.jspecify.annotations.NullMarked;
