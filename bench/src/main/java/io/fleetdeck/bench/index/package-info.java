/** The fleet index on synthetic fleets: build, queries, aggregations and visibility. */
@NullMarked
package io.fleetdeck.bench.index;

import org.jspecify.annotations.NullMarked;
