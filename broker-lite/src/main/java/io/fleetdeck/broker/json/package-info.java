/** Strict JSON: duplicate keys, trailing data and excessive depth refused with a line and column. */
@NullMarked
package io.fleetdeck.broker.json;

import org.jspecify.annotations.NullMarked;
