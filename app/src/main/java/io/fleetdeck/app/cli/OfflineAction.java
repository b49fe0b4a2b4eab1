package io.fleetdeck.app.cli;

import io.fleetdeck.app.StartupException;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.fleet.identity.IdentityException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the identity commands share: open the data folder no instance holds, do one thing, print what was done; a
 * refusal from the registry becomes one line on stderr with AWS's error code, and exit code 2.
 */
@FunctionalInterface
interface OfflineAction {

    /** Does the work and returns the lines to print. */
    String run(OfflineFleet fleet) throws Exception;

    static int perform(Path dataFolder, PrintWriter out, OfflineAction action) throws Exception {
        try (OfflineFleet fleet = OfflineFleet.open(dataFolder, Clock.systemUTC())) {
            out.println(action.run(fleet));
            out.flush();
            return 0;
        } catch (IdentityException e) {
            throw new StartupException(e.code() + ": " + e.getMessage());
        }
    }
}
