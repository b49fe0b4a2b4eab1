package io.fleetdeck.fleet.shadow;

/**
 * The per-thing limits of AWS-IOT-BEHAVIOUR §1.10: how many requests may be in flight (started, not yet answered) and
 * how many may start in one second. Beyond either the request is refused with 429.
 *
 * @param historyVersions versions of each shadow kept for diagnosis
 */
public record ShadowLimits(int inFlightPerThing, int requestsPerSecondPerThing, int historyVersions) {

    public static final int DEFAULT_HISTORY_VERSIONS = 100;

    public ShadowLimits {
        if (inFlightPerThing < 1 || requestsPerSecondPerThing < 1 || historyVersions < 1) {
            throw new IllegalArgumentException("shadow limits must be positive");
        }
    }

    /** AWS's: 10 in flight and 20 requests a second per thing, and 100 versions of history. */
    public static ShadowLimits awsDefaults() {
        return new ShadowLimits(10, 20, DEFAULT_HISTORY_VERSIONS);
    }

    public ShadowLimits withHistoryVersions(int versions) {
        return new ShadowLimits(inFlightPerThing, requestsPerSecondPerThing, versions);
    }

    public ShadowLimits withRequestsPerSecondPerThing(int perSecond) {
        return new ShadowLimits(inFlightPerThing, perSecond, historyVersions);
    }
}
