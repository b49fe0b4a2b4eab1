package io.fleetdeck.broker.policy;

/**
 * A policy document that cannot be used, with where and why: the line and column in the JSON text (1-based) and what
 * was wrong there, as a user fixing it in an editor needs.
 */
public final class PolicyDocumentException extends Exception {

    private final int line;
    private final int column;
    private final String reason;

    public PolicyDocumentException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
