/** The data folder's certificate authority for device certificates (Bouncy Castle). */
@NullMarked
package io.fleetdeck.fleet.pki;

import org.jspecify.annotations.NullMarked;
