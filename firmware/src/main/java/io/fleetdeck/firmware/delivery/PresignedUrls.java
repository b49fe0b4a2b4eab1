package io.fleetdeck.firmware.delivery;

import io.fleetdeck.firmware.FirmwareException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in a job document's presigned-URL placeholders as AWS IoT does when a device fetches the document
 * (AWS-IOT-BEHAVIOUR §2.7.7, AWS-OTA-AND-STREAMS §A.3): each {@code ${aws:iot:s3-presigned-url:<location>}} (or the
 * {@code -v2} form) becomes a fresh download link. The location names a catalog image as
 * {@code fleetdeck://firmware/<imageId>} (its SHA-256 or 8+ first digits); an S3 URL is refused, since this server
 * holds no bucket. At most 10 placeholders per document, AWS's quota. Any thread.
 */
public final class PresignedUrls {

    /** AWS's historical quota of substitutions per job document (§2.7.7). */
    public static final int MAX_PLACEHOLDERS = 10;

    public static final String IMAGE_SCHEME = "fleetdeck://firmware/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{aws:iot:s3-presigned-url(?:-v2)?:([^}]*)}");

    private final UrlSigner signer;
    private final URI server;
    private final DeliverableImages images;

    /** @param server where the download server answers, e.g. {@code https://127.0.0.1:8443} */
    public PresignedUrls(UrlSigner signer, URI server, DeliverableImages images) {
        this.signer = signer;
        this.server = server;
        this.images = images;
    }

    /** A link to the image {@code reference} names, once it verified. */
    public SignedUrl link(String reference, long validSeconds) throws FirmwareException {
        UrlSigner.checkValidity(validSeconds);
        return signer.sign(server, images.verifiedId(reference), validSeconds);
    }

    /**
     * {@code document} with every placeholder replaced by a link valid for {@code validSeconds}; a document without
     * placeholders comes back as it was. Refused, naming the placeholder, when one names no verified catalog image.
     */
    public String fillIn(String document, long validSeconds) throws FirmwareException {
        UrlSigner.checkValidity(validSeconds);
        Matcher placeholders = PLACEHOLDER.matcher(document);
        StringBuilder filled = new StringBuilder(document.length());
        int count = 0;
        while (placeholders.find()) {
            if (++count > MAX_PLACEHOLDERS) {
                throw invalid("the job document has more than " + MAX_PLACEHOLDERS
                        + " presigned-URL placeholders, AWS's limit per document");
            }
            String link = link(placeholders.group(), placeholders.group(1), validSeconds);
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(link));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    private String link(String placeholder, String location, long validSeconds) throws FirmwareException {
        if (!location.startsWith(IMAGE_SCHEME)) {
            throw invalid("placeholder " + placeholder + " names " + (location.isEmpty() ? "nothing" : location)
                    + ": Fleetdeck serves catalog images only, named as ${aws:iot:s3-presigned-url:" + IMAGE_SCHEME
                    + "<imageId>}, and holds no S3 bucket");
        }
        String reference = location.substring(IMAGE_SCHEME.length());
        try {
            return signer.sign(server, images.verifiedId(reference), validSeconds)
                    .url()
                    .toString();
        } catch (FirmwareException e) {
            throw new FirmwareException(e.reason(), "placeholder " + placeholder + ": " + e.getMessage(), e);
        }
    }

    private static FirmwareException invalid(String message) {
        return new FirmwareException(FirmwareException.Reason.INVALID, message);
    }
}
