/** The data folder: its layout, its lock, its CA and the space left on its disk. */
@NullMarked
package io.fleetdeck.app.data;

import org.jspecify.annotations.NullMarked;
