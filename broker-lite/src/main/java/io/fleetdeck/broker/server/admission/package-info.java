/** Admission before CONNECT: deadlines, per-address bounds, handshake pacing and the open-file cap. */
@NullMarked
package io.fleetdeck.broker.server.admission;

import org.jspecify.annotations.NullMarked;
