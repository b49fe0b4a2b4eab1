/** What every view shares: formats, icons, tables and the background work they wait on. */
@NullMarked
package io.fleetdeck.views.common;

import org.jspecify.annotations.NullMarked;
