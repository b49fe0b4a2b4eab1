/** AWS IoT policy documents: parsing, variables, conditions and evaluation per connect, publish, subscribe and receive. */
@NullMarked
package io.fleetdeck.broker.policy;

import org.jspecify.annotations.NullMarked;
