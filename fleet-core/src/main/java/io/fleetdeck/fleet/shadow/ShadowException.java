package io.fleetdeck.fleet.shadow;

/** A refused shadow request with AWS's code and exact message (AWS-IOT-BEHAVIOUR §1.9). */
public final class ShadowException extends Exception {

    private final int code;

    public ShadowException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
