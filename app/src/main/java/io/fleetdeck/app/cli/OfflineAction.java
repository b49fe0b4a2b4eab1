package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.error.ThrottlingException;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.shadow.ShadowException;
import io.fleetdeck.fleet.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What the identity commands share: open the data folder no instance holds, do one thing, print what was done; a
 * refusal from the service API, the identities, the registry or a shadow becomes one line on stderr with AWS's error
 * code, and exit code 2.
 */
@FunctionalInterface
interface OfflineAction {

    /** Does the work and returns the lines to print. */
    String run(OfflineFleet fleet) throws Exception;

    /** On the data folder and store that {@code own} chooses, else {@code parent} (the top-level command's options). */
    static int perform(DataFolderOption own, DataFolderOption parent, PrintWriter out, OfflineAction action)
            throws Exception {
        try (OfflineFleet fleet = OfflineFleet.open(own.resolve(parent), own.databaseUrl(parent), Clock.systemUTC())) {
            String lines = action.run(fleet);
            if (!lines.isEmpty()) {
                out.println(lines); // nothing to print stays nothing: a search without matches prints no line
            }
            out.flush();
            return 0;
        } catch (ThrottlingException | InternalFailureException e) {
            // the store refused (a full disk) or failed: its reason says it all, as for every command
            throw new StartupException(String.valueOf(e.getMessage()), e);
        } catch (ShadowRejectedException e) {
            // a shadow error reads as a device sees it on rejected: the code and AWS's message, then where the
            // document went wrong (a device gets AWS's bare text), and why if we know
            String where = e.where() == null ? "" : " at " + e.where();
            String why = e.code() == 500 ? DiskFull.in(own.resolve(parent)) : "";
            throw new StartupException(e.code() + " " + e.getMessage() + where + why);
        } catch (FleetApiException e) {
            throw new StartupException(e.errorCode() + ": " + e.getMessage());
        } catch (IdentityException e) {
            throw new StartupException(e.code() + ": " + e.getMessage());
        } catch (RegistryException e) {
            throw new StartupException(e.code() + ": " + e.getMessage());
        } catch (ShadowException e) {
            // a shadow error reads as a device sees it on rejected: the code and AWS's message, and why if we know
            String why = e.code() == 500 ? DiskFull.in(own.resolve(parent)) : "";
            throw new StartupException(e.code() + " " + e.getMessage() + why);
        } catch (StoreException e) {
            // a store that refuses a change (a full disk) or fails is one line, as any other refusal
            throw new StartupException(String.valueOf(e.getMessage()), e);
        }
    }
}
