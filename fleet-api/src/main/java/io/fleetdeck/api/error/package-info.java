/** Errors of the service API, one type per AWS error code, so every front end shows the same code and text. */
@NullMarked
package io.fleetdeck.api.error;

import org.jspecify.annotations.NullMarked;
