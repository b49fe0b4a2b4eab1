package io.fleetdeck.app.runtime;

/** The version the build stamped into the application jar's manifest. */
public final class FleetdeckVersion {

    private FleetdeckVersion() {}

    public static String current() {
        String version = FleetdeckVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
