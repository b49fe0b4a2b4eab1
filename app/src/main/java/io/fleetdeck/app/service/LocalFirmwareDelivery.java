package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.firmware.DownloadLink;
import io.fleetdeck.api.firmware.FirmwareDelivery;
import io.fleetdeck.firmware.delivery.PresignedUrls;
import io.fleetdeck.firmware.delivery.SignedUrl;
import org.jspecify.annotations.Nullable;

/**
 * {@link FirmwareDelivery} over the download server's {@link PresignedUrls}; without a server (a command on a folder
 * no instance holds) every call is refused saying so. Immutable; any thread.
 */
public final class LocalFirmwareDelivery implements FirmwareDelivery {

    private final @Nullable PresignedUrls urls;

    private LocalFirmwareDelivery(@Nullable PresignedUrls urls) {
        this.urls = urls;
    }

    /** Links to the running download server. */
    public static LocalFirmwareDelivery serving(PresignedUrls urls) {
        return new LocalFirmwareDelivery(urls);
    }

    /** No download server runs on this data folder. */
    public static LocalFirmwareDelivery notServing() {
        return new LocalFirmwareDelivery(null);
    }

    @Override
    public DownloadLink downloadLink(String imageId, long validSeconds) throws FleetApiException {
        PresignedUrls server = server();
        SignedUrl link = LocalFirmwareCatalog.call(() -> server.link(imageId, validSeconds));
        return new DownloadLink(link.imageId(), link.url().toString(), link.expiresAt());
    }

    @Override
    public String presignJobDocument(String jobDocument, long validSeconds) throws FleetApiException {
        PresignedUrls server = server();
        return LocalFirmwareCatalog.call(() -> server.fillIn(jobDocument, validSeconds));
    }

    private PresignedUrls server() throws InvalidRequestException {
        PresignedUrls server = urls;
        if (server == null) {
            throw new InvalidRequestException(
                    "no firmware download server runs on this data folder: links are made by a running console or"
                            + " fleetdeck serve");
        }
        return server;
    }
}
