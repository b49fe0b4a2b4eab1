package io.fleetdeck.fleet.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * A refused provisioning request, as the device sees it on {@code .../rejected}: an HTTP-like status, an error code
 * and a message (AWS-IOT-BEHAVIOUR §6.1).
 */
public final class ProvisioningException extends Exception {

    private final int statusCode;
    private final String errorCode;

    public ProvisioningException(int statusCode, String errorCode, @Nullable String message) {
        super(message);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }

    static ProvisioningException invalid(String message) {
        return new ProvisioningException(400, "InvalidParameters", message);
    }
}
