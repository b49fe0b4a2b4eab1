/** The Fleet view: every thing in one table, the query bar over the fleet index, aggregations, and open things. */
@NullMarked
package io.fleetdeck.views.fleet;

import org.jspecify.annotations.NullMarked;
