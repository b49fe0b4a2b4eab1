package io.fleetdeck.views.shell;

/** The state of the services behind the console, as the status bar reports it. */
public enum ServiceState {
    STARTING("Starting services"),
    RUNNING("Services running"),
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
