package io.fleetdeck.app.startup;

/**
 * Fleetdeck cannot start as asked: the message is the one line the user sees, saying what is wrong and where. The
 * command exits with {@link #EXIT_CODE}, the code for bad input.
 */
public final class StartupException extends Exception {

    public static final int EXIT_CODE = 2;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
