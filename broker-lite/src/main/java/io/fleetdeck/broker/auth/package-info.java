/** Who may connect and do what: the authority a broker asks (the fleet's identities and policies), and admission decisions. */
@NullMarked
package io.fleetdeck.broker.auth;

import org.jspecify.annotations.NullMarked;
