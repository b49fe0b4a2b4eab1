package io.fleetdeck.fleet.store;

import org.jspecify.annotations.Nullable;

/**
 * Unchecked so that callers of the store are not forced to handle {@link java.sql.SQLException} at every call: a
 * failed write has already been rolled back, and there is rarely anything better to do than report it.
 */
public final class StoreException extends RuntimeException {

    public StoreException(@Nullable String message) {
        super(message);
    }

    public StoreException(@Nullable String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
