/**
 * The fleet's changes as typed events, published after they are committed, and the subscriptions that read them as a
 * stream. Each subscriber has its own bounded queue with a stated overflow policy ({@link
 * io.fleetdeck.api.event.OverflowPolicy}): coalescing for views that only need to know what to look at again, blocking
 * or failing loudly for durable consumers that must see every event.
 */
@NullMarked
package io.fleetdeck.api.event;

import org.jspecify.annotations.NullMarked;
