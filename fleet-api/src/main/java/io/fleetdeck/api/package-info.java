/**
 * Fleetdeck's service boundary: what the console's views, the CLI, the HTTP API and a remote console use to reach the
 * fleet. Plain data in and out (records, enums, strings, {@link java.time.Instant}), typed errors in AWS's vocabulary,
 * paging for lists, and fleet changes as a stream of typed events. Nothing here assumes the same JVM as the fleet: no
 * callbacks, no JavaFX, Netty, JDBC or Lucene.
 */
@NullMarked
package io.fleetdeck.api;

import org.jspecify.annotations.NullMarked;
