/** Bounded reading of files given by users, so bad input is refused before it fills memory. */
@NullMarked
package io.fleetdeck.broker.input;

import org.jspecify.annotations.NullMarked;
