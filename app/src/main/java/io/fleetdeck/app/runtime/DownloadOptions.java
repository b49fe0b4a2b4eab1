package io.fleetdeck.app.runtime;

/**
 * Where the firmware download server listens: {@code host} (loopback unless configured; a wildcard address listens
 * on every interface) and {@code port} (0 picks a free one, the default: links carry the port, so devices never need
 * it configured).
 */
public record DownloadOptions(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public static DownloadOptions defaults() {
        return new DownloadOptions(DEFAULT_HOST, 0);
    }
}
