package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;

/** The state of the services behind the console, as the status bar reports it. */
public enum ServiceState {
    STARTING("shell.status.starting"),
    RUNNING("shell.status.running"),
    /** Running, but the data folder's disk is full: reading works, changes are refused until space is freed. */
    DISK_FULL("shell.status.diskFull"),
    STOPPING("shell.status.stopping"),
    FAILED("shell.status.failed");

    private final String key;

    ServiceState(String key) {
        this.key = key;
    }

    /** The status bar's words for it, in the user's language. */
    public String label() {
        return Texts.get(key);
    }
}
