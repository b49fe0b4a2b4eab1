/** Mutual TLS and policy evaluation: handshakes per second and what a policy costs. */
@NullMarked
package io.fleetdeck.bench.identity;

import org.jspecify.annotations.NullMarked;
