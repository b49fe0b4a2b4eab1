/** Thing groups, static and dynamic, and the hierarchy they form: what the Groups view and {@code fleetdeck group} do. */
@NullMarked
package io.fleetdeck.api.groups;

import org.jspecify.annotations.NullMarked;
