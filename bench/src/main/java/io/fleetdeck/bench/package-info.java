/** Benchmarks and load harnesses that print their figures: start-up, and the entry points of the others. */
@NullMarked
package io.fleetdeck.bench;

import org.jspecify.annotations.NullMarked;
