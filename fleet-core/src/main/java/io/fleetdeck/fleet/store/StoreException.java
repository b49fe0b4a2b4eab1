package io.fleetdeck.fleet.store;

/**
 * Unchecked so that callers of the store are not forced to handle {@link java.sql.SQLException} at every call: a
 * failed write has already been rolled back, and there is rarely anything better to do than report it.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
