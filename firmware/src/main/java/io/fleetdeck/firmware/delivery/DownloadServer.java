package io.fleetdeck.firmware.delivery;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTPS server devices fetch firmware from, with the data folder's server certificate: the JDK's own
 * {@link HttpsServer}, since one GET handler needs no more (Netty's codec would bring chunked writes and a pipeline
 * for the same). Images are sent by at most {@link #DOWNLOAD_THREADS} threads at once, each holding one image in
 * memory; further devices wait their turn in the queue. Owned by the instance that started it; closed once.
 */
@SuppressForbidden(reason = DownloadServer.JDK_HTTP_SERVER)
public final class DownloadServer implements AutoCloseable {

    public static final int DOWNLOAD_THREADS = 4;

    /* forbiddenapis lists every com.sun package as non-portable; this one is the JDK's exported, supported API */
    static final String JDK_HTTP_SERVER = "com.sun.net.httpserver is the JDK's supported HTTP server (jdk.httpserver)";

    private final HttpsServer server;
    private final ExecutorService downloads;
    private final URI base;

    private DownloadServer(HttpsServer server, ExecutorService downloads, URI base) {
        this.server = server;
        this.downloads = downloads;
        this.base = base;
    }

    /**
     * Listens on {@code address} (port 0 picks a free one) and names itself in links as {@code advertisedHost}, a
     * name the server certificate covers.
     */
    public static DownloadServer start(
            InetSocketAddress address,
            String advertisedHost,
            SSLContext tls,
            UrlSigner signer,
            DeliverableImages images)
            throws IOException {
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new TlsSettings(tls));
        server.createContext(UrlSigner.PATH_PREFIX, new ImageDownloads(signer, images));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS, task -> {
            Thread thread = new Thread(task, "firmware-download-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(downloads);
        server.start();
        String host = advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost;
        URI base = URI.create("https://" + host + ":" + server.getAddress().getPort());
        return new DownloadServer(server, downloads, base);
    }

    /** Where links point: {@code https://<advertised host>:<port>}. */
    public URI base() {
        return base;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** TLS 1.3 and 1.2, as the broker's listener; no client certificate: the signed link is the credential. */
    @SuppressForbidden(reason = JDK_HTTP_SERVER)
    private static final class TlsSettings extends HttpsConfigurator {

        TlsSettings(SSLContext tls) {
            super(tls);
        }

        @Override
        public void configure(HttpsParameters parameters) {
            SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            ssl.setNeedClientAuth(false);
            parameters.setSSLParameters(ssl);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        downloads.shutdownNow();
    }
}
