/** Device identities: CAs, certificates and their state, policies and what they reach, and the policy simulator. */
@NullMarked
package io.fleetdeck.api.certificates;

import org.jspecify.annotations.NullMarked;
