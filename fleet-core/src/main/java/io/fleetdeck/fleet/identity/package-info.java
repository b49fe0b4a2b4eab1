/** Device identities: certificates and their status, AWS IoT policies and attachments, the broker's authority (connect, publish, subscribe, receive), just-in-time registration and the revocation list. */
@NullMarked
package io.fleetdeck.fleet.identity;

import org.jspecify.annotations.NullMarked;
