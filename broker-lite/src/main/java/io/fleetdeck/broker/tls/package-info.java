/** TLS identities: the data folder's CA, server and device certificates, PEM files and the trust manager for registered CAs. */
@NullMarked
package io.fleetdeck.broker.tls;

import org.jspecify.annotations.NullMarked;
