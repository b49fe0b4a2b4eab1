/** Device Shadows, classic and named: the documents, the rules, one committer that groups durable commits, and the MQTT service. */
@NullMarked
package io.fleetdeck.fleet.shadow;

import org.jspecify.annotations.NullMarked;
