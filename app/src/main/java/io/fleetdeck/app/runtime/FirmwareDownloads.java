package io.fleetdeck.app.runtime;

import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.firmware.FirmwareException;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.delivery.DeliverableImages;
import io.fleetdeck.firmware.delivery.DownloadServer;
import io.fleetdeck.firmware.delivery.PresignedUrls;
import io.fleetdeck.firmware.delivery.UrlSigner;
import io.fleetdeck.firmware.delivery.UrlSigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running instance's firmware download server: the broker's server certificate and key ({@code pki/server.pem},
 * {@code pki/server.key}, issued by the data folder's CA for localhost, 127.0.0.1, ::1 and the host name), the data
 * folder's link key ({@code pki/firmware-url.key}), and {@code firmware/download-server}, the server's address for
 * {@code fleetdeck firmware url} while it runs. Owned by the instance; closed once.
 */
public final class FirmwareDownloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirmwareDownloads.class);

    /** The file naming where the running server answers; removed when it stops. */
    static final String ADDRESS_FILE = "download-server";

    private final DownloadServer server;
    private final PresignedUrls urls;
    private final Path addressFile;

    private FirmwareDownloads(DownloadServer server, PresignedUrls urls, Path addressFile) {
        this.server = server;
        this.urls = urls;
        this.addressFile = addressFile;
    }

    /**
     * Starts the server, or returns null when the data folder cannot give it a link key (a full or failing disk at
     * the first start): the rest of the instance runs without downloads rather than not at all (issue 13, defect 6).
     * A port or address it cannot listen on refuses the start, as the broker's ports do.
     */
    static @Nullable FirmwareDownloads start(
            DataFolder folder, ImageCatalog catalog, DownloadOptions options, Clock clock) throws StartupException {
        Path pki = folder.root().resolve("pki");
        UrlSigner signer;
        try {
            signer = new UrlSigner(UrlSigningKey.loadOrCreate(pki), clock);
        } catch (FirmwareException e) {
            log.warn("No firmware downloads on this start: {}", e.getMessage());
            try {
                // a crashed instance's address would send fleetdeck firmware url to a server that is not there
                Files.deleteIfExists(folder.root().resolve("firmware").resolve(ADDRESS_FILE));
            } catch (IOException ignored) {
                // nothing to tidy, or a disk that cannot even do that: firmware url then names a dead port
            }
            return null;
        }
        DownloadServer server;
        try {
            server = DownloadServer.start(
                    new InetSocketAddress(InetAddress.getByName(options.host()), options.port()),
                    advertisedHost(options.host()),
                    tls(pki),
                    signer,
                    new DeliverableImages(catalog));
        } catch (GeneralSecurityException e) {
            throw new StartupException(
                    "cannot set up the firmware download server's TLS from " + pki + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StartupException(
                    "the firmware download server cannot listen on " + options.host() + ":" + options.port() + " ("
                            + e.getMessage() + "); choose another with --download-port and --download-host",
                    e);
        }
        PresignedUrls urls = new PresignedUrls(signer, server.base(), new DeliverableImages(catalog));
        Path addressFile = folder.root().resolve("firmware").resolve(ADDRESS_FILE);
        try {
            PemFiles.replace(addressFile, server.base() + "\n", false);
        } catch (IOException e) {
            // the server runs all the same; only fleetdeck firmware url, beside it, cannot find it
            log.warn("Could not write {} ({}): fleetdeck firmware url cannot find the download server", addressFile, e);
        }
        log.info("Firmware downloads on {}/firmware/", server.base());
        return new FirmwareDownloads(server, urls, addressFile);
    }

    /** Links name a host the server certificate covers: the one configured, or this machine's name for a wildcard. */
    static String advertisedHost(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : host;
    }

    /** The broker's server identity, as the JDK's TLS wants it. */
    private static SSLContext tls(Path pki) throws IOException, GeneralSecurityException {
        PemFiles files = new PemFiles(pki);
        PrivateKey key = files.readPrivateKey(pki.resolve("server.key"));
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(pki.resolve("server.pem"))) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("server", key, password, chain.toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Links to this server. */
    PresignedUrls urls() {
        return urls;
    }

    /** Where it answers, e.g. {@code https://127.0.0.1:40123}. */
    public URI base() {
        return server.base();
    }

    /** The address {@code fleetdeck firmware url} finds the running server at, read from the data folder. */
    static URI runningAt(DataFolder folder) throws IOException {
        return URI.create(
                Files.readString(folder.root().resolve("firmware").resolve(ADDRESS_FILE), StandardCharsets.UTF_8)
                        .strip());
    }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(addressFile);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", addressFile, e.toString());
        }
    }
}
