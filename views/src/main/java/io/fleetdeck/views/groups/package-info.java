/** The Groups view: the hierarchy of thing groups, dynamic groups and their members. */
@NullMarked
package io.fleetdeck.views.groups;

import org.jspecify.annotations.NullMarked;
