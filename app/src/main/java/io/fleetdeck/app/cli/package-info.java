/** The command line: every fleetdeck command and option, their help and their one-line errors. */
@NullMarked
package io.fleetdeck.app.cli;

import org.jspecify.annotations.NullMarked;
