package io.fleetdeck.broker.policy;

/**
 * Something in an accepted policy document that almost certainly does not do what its author meant (an action or a
 * variable AWS IoT does not know), at its 1-based line and column in the JSON text.
 */
public record PolicyWarning(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
