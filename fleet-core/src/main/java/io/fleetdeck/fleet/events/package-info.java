/** The fleet's events in this process: the hub every source publishes to after its commit, and the sink a source is given. */
@NullMarked
package io.fleetdeck.fleet.events;

import org.jspecify.annotations.NullMarked;
