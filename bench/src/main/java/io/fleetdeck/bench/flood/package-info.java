/** A running serve flooded with connections that never CONNECT, while a real device goes on. */
@NullMarked
package io.fleetdeck.bench.flood;

import org.jspecify.annotations.NullMarked;
