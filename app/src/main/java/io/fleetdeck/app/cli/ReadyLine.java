package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.FleetdeckInstance;

/**
 * The line {@code serve} prints when its services are up:
 * {@code fleetdeck ready mqtts=<host>:<port> [mqtt=<host>:<port>] data=<dir>}. Scripts and the
 * acceptance checks wait for it, so its words only ever grow: endpoints are added before {@code data=}, as
 * {@code key=value} pairs, and nothing is renamed.
 */
final class ReadyLine {

    private ReadyLine() {}

    static String of(FleetdeckInstance instance) {
        return "fleetdeck ready " + instance.broker().endpoints() + " data="
                + instance.dataFolder().root();
    }
}
