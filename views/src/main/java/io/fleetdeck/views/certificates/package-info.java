/** The Certificates view: CAs, device certificates and their state, policies, issuing a bundle, the simulator. */
@NullMarked
package io.fleetdeck.views.certificates;

import org.jspecify.annotations.NullMarked;
