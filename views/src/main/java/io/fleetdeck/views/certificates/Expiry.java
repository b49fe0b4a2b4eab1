package io.fleetdeck.views.certificates;

import java.time.Duration;
import java.time.Instant;

/** How close a certificate or CA is to its end of validity, and the style class that shows it. */
public enum Expiry {
    VALID(""),
    /** Within {@link #WARNING_PERIOD} of its end. */
    SOON("expiry-warning"),
    EXPIRED("expiry-danger");

    /** Expiry this close shows as a warning. */
    public static final Duration WARNING_PERIOD = Duration.ofDays(30);

    private final String styleClass;

    Expiry(String styleClass) {
        this.styleClass = styleClass;
    }

    public static Expiry of(Instant notAfter, Instant now) {
        if (notAfter == null) {
            return VALID;
        }
        if (!notAfter.isAfter(now)) {
            return EXPIRED;
        }
        return notAfter.isBefore(now.plus(WARNING_PERIOD)) ? SOON : VALID;
    }

    /** The style class of a cell showing this expiry; empty when it needs none. */
    public String styleClass() {
        return styleClass;
    }
}
