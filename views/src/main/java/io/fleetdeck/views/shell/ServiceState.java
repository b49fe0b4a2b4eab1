package io.fleetdeck.views.shell;

/** The state of the services behind the console, as the status bar reports it. */
public enum ServiceState {
    STARTING("Starting services"),
    RUNNING("Services running"),
    /** Running, but the data folder's disk is full: reading works, changes are refused until space is freed. */
    DISK_FULL("Disk full: changes refused"),
    STOPPING("Stopping services"),
    FAILED("Services failed");

    private final String label;

    ServiceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
