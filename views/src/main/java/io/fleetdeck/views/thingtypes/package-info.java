/** The registry's thing types in the console: listed, made and deprecated, beside the groups. */
@NullMarked
package io.fleetdeck.views.thingtypes;

import org.jspecify.annotations.NullMarked;
