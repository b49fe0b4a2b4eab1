package io.fleetdeck.firmware.delivery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.fleetdeck.firmware.FirmwareException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET /firmware/<imageId>?expires=..&signature=..}: 405 for another method, 403 for a link this data
 * folder did not sign or whose time is up, and only then 404 for an image that is not (or no longer) in the catalog,
 * so ids cannot be probed. An image is sent only once it verified as it was read, whole (200) or one byte range
 * (206, 416), with its SHA-256 as ETag so a resumed download is known to continue the same image. Called on the
 * server's download threads, any number at once: it holds no state of its own.
 */
@SuppressForbidden(reason = DownloadServer.JDK_HTTP_SERVER)
final class ImageDownloads implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ImageDownloads.class);

    private final UrlSigner signer;
    private final DeliverableImages images;

    ImageDownloads(UrlSigner signer, DeliverableImages images) {
        this.signer = signer;
        this.images = images;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        } catch (IOException e) {
            // the device went away mid-download: it resumes with a Range
            log.debug("Download of {} ended early: {}", exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            text(exchange, 405, "only GET fetches an image");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path == null || !path.startsWith(UrlSigner.PATH_PREFIX)) {
            text(exchange, 404, "no such download");
            return;
        }
        String imageId = path.substring(UrlSigner.PATH_PREFIX.length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (signer.check(imageId, query.get("expires"), query.get("signature"))) {
            case TAMPERED -> text(exchange, 403, "this download link is not one Fleetdeck signed");
            case EXPIRED -> text(exchange, 403, "this download link has expired; fetch the job document again");
            case VALID -> send(exchange, imageId);
        }
    }

    private void send(HttpExchange exchange, String imageId) throws IOException {
        Optional<byte[]> offered;
        try {
            offered = images.offer(imageId);
        } catch (FirmwareException e) {
            log.warn("Download of image {} refused: {}", imageId, e.getMessage());
            text(exchange, 500, "the image does not verify and is not offered");
            return;
        }
        if (offered.isEmpty()) {
            text(exchange, 404, "no such image in the catalog");
            return;
        }
        byte[] image = offered.get();
        Headers headers = exchange.getResponseHeaders();
        String etag = '"' + imageId + '"';
        headers.set("ETag", etag);
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "no-store");
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        // a resume that names another version of the image gets the whole of this one (RFC 9110 §13.1.5)
        String range = ifRange == null || ifRange.equals(etag)
                ? exchange.getRequestHeaders().getFirst("Range")
                : null;
        switch (RangeHeader.answer(range, image.length)) {
            case RangeHeader.Whole whole -> {
                if (whole.ignored() != null) {
                    log.debug("Range of {} ignored: {}", imageId, whole.ignored());
                }
                body(exchange, 200, image, 0, image.length);
            }
            case RangeHeader.Part part -> {
                headers.set("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + image.length);
                body(exchange, 206, image, (int) part.first(), (int) part.length());
            }
            case RangeHeader.Unsatisfiable unsatisfiable -> {
                headers.set("Content-Range", "bytes */" + image.length);
                text(exchange, 416, unsatisfiable.why());
            }
        }
    }

    private static void body(HttpExchange exchange, int status, byte[] bytes, int offset, int length)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes, offset, length);
        }
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The query's parameters, the first of each name; a malformed escape makes the value one no link has. */
    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(decoded(name), decoded(value));
        }
        return parameters;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "\u0000";
        }
    }
}
