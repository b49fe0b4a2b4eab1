package io.fleetdeck.api.event;

/** A subscription with {@link OverflowPolicy#FAIL} fell further behind than its queue holds and was closed. */
public final class EventStreamFailedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public EventStreamFailedException(String message) {
        super(message);
    }
}
