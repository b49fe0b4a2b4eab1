package io.fleetdeck.app.runtime;

import io.fleetdeck.api.firmware.FirmwareDelivery;
import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.data.DataFolderLock;
import io.fleetdeck.app.service.LocalFirmwareDelivery;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.firmware.FirmwareException;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.ImageUse;
import io.fleetdeck.firmware.delivery.DeliverableImages;
import io.fleetdeck.firmware.delivery.PresignedUrls;
import io.fleetdeck.firmware.delivery.UrlSigner;
import io.fleetdeck.firmware.delivery.UrlSigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;

/**
 * Links to the download server of the instance that holds a data folder, made by a command beside it: the link key
 * and the catalog are files of the folder, read without its lock (the catalog writes each file whole), and the
 * server's address is the one it wrote at its start. A folder no instance holds has no server to link to, and says
 * so.
 */
public final class RunningDownloads {

    /** The message of a refusal because no instance holds the folder; the CLI words it in the user's language. */
    public static final class NoInstance extends Exception {

        private static final long serialVersionUID = 1L;

        private final String folder;

        NoInstance(String folder) {
            super("no Fleetdeck runs on data folder " + folder);
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    private RunningDownloads() {}

    public static FirmwareDelivery of(Path requestedFolder, Clock clock) throws StartupException, NoInstance {
        DataFolder folder = DataFolder.open(requestedFolder, true);
        try {
            if (!DataFolderLock.heldByAnother(folder)) {
                throw new NoInstance(folder.toString());
            }
            URI server = FirmwareDownloads.runningAt(folder);
            Path pki = folder.root().resolve("pki");
            UrlSigner signer = new UrlSigner(UrlSigningKey.load(pki), clock);
            ImageCatalog catalog = ImageCatalog.open(
                    folder.root(),
                    new FirmwareSigningAuthority(CertificateAuthority.load(pki, clock)),
                    ImageUse.NONE,
                    clock);
            return LocalFirmwareDelivery.serving(new PresignedUrls(signer, server, new DeliverableImages(catalog)));
        } catch (IOException | GeneralSecurityException | FirmwareException e) {
            throw new StartupException(
                    "the Fleetdeck running on data folder " + folder + " serves no firmware downloads: "
                            + e.getMessage(),
                    e);
        }
    }
}
