/** The Fleet table in a real window over a large fleet, and a seeded data folder for the views. */
@NullMarked
package io.fleetdeck.bench.fleet;

import org.jspecify.annotations.NullMarked;
