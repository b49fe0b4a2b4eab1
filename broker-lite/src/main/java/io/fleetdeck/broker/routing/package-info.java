/** Routing: the subscription trie, shared subscriptions and retained messages. */
@NullMarked
package io.fleetdeck.broker.routing;

import org.jspecify.annotations.NullMarked;
