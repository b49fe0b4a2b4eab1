/** Device Shadows, classic and named, as an operator reads and changes them: the same rules as a device meets. */
@NullMarked
package io.fleetdeck.api.shadows;

import org.jspecify.annotations.NullMarked;
