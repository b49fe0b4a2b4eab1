package io.fleetdeck.firmware.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.firmware.FirmwareException;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.ImageUse;
import io.fleetdeck.firmware.ImportRequest;
import io.fleetdeck.firmware.TestAuthority;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job document's presigned-URL placeholders (AWS-IOT-BEHAVIOUR §2.7.7) filled in from a real catalog. */
class PresignedUrlsTest {

    private static final URI SERVER = URI.create("https://127.0.0.1:8443");
    private static final Pattern LINK = Pattern.compile(
            "https://127\\.0\\.0\\.1:8443/firmware/([0-9a-f]{64})\\?expires=(\\d+)&signature=([A-Za-z0-9_-]+)");

    @TempDir
    Path data;

    /* now, not a fixed instant: the test CA's certificates start an hour before the real now */
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private ImageCatalog catalog;
    private UrlSigner signer;
    private PresignedUrls urls;
    private String imageId;

    @BeforeEach
    void catalogWithOneImage() throws Exception {
        catalog = ImageCatalog.open(data, new TestAuthority("Site CA"), ImageUse.NONE, clock);
        byte[] image = new byte[4096];
        new Random(16).nextBytes(image);
        imageId = catalog.importImage(
                        new ImportRequest(image, "pump.bin", "1.4.0", List.of("esp32-s3"), null, null, null))
                .sha256();
        signer = new UrlSigner(UrlSigningKey.loadOrCreate(data.resolve("pki")), clock);
        urls = new PresignedUrls(signer, SERVER, new DeliverableImages(catalog));
    }

    /** An OTA job document as AWS's OTA library reads it, its URL left to the placeholder (§A.3). */
    private static String otaDocument(String location) {
        return """
                {"afr_ota":{"protocols":["HTTP"],"files":[{"filepath":"/pump.bin","filesize":4096,"fileid":0,\
                "certfile":"/code-signing.pem","update_data_url":"${aws:iot:s3-presigned-url:%s}",\
                "auth_scheme":"aws.s3.presigned","sig-sha256-ecdsa":"MEUCIQ=="}]}}""".formatted(location);
    }

    @Test
    void aPlaceholderNamingACatalogImageBecomesALinkTheServerAccepts() throws Exception {
        String filled = urls.fillIn(otaDocument("fleetdeck://firmware/" + imageId.substring(0, 12)), 1800);

        Matcher link = LINK.matcher(filled);
        assertThat(link.find()).as(filled).isTrue();
        assertThat(link.group(1)).isEqualTo(imageId);
        assertThat(link.group(2)).isEqualTo(Long.toString(clock.instant().getEpochSecond() + 1800));
        assertThat(signer.check(link.group(1), link.group(2), link.group(3))).isEqualTo(UrlSigner.Check.VALID);
        assertThat(filled)
                .doesNotContain("${")
                .startsWith("{\"afr_ota\":")
                .contains("\"auth_scheme\":\"aws.s3.presigned\"");
    }

    @Test
    void theV2FormAndSeveralPlaceholdersAreFilledInEach() throws Exception {
        String document = "{\"a\":\"${aws:iot:s3-presigned-url-v2:fleetdeck://firmware/" + imageId
                + "}\",\"b\":\"${aws:iot:s3-presigned-url:fleetdeck://firmware/" + imageId + "}\"}";

        String filled = urls.fillIn(document, 60);

        assertThat(LINK.matcher(filled).results().count()).isEqualTo(2);
        assertThat(filled).doesNotContain("${");
    }

    @Test
    void aDocumentWithoutPlaceholdersIsLeftAsItWas() throws Exception {
        String document = "{\"operation\":\"reboot\",\"note\":\"${not-a-placeholder}\"}";
        assertThat(urls.fillIn(document, 600)).isEqualTo(document);
    }

    @Test
    void anS3UrlIsRefusedNamingThePlaceholder() {
        String s3 = "https://s3.eu-west-1.amazonaws.com/firmware-bucket/pump-1.4.0.bin";

        assertThatThrownBy(() -> urls.fillIn(otaDocument(s3), 600))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("${aws:iot:s3-presigned-url:" + s3 + "}")
                .hasMessageContaining("holds no S3 bucket")
                .hasMessageContaining("fleetdeck://firmware/<imageId>");
    }

    @Test
    void anUnknownOrChangedImageIsRefusedNamingThePlaceholder() throws Exception {
        assertThatThrownBy(() -> urls.fillIn(otaDocument("fleetdeck://firmware/0123456789ab"), 600))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("placeholder ${aws:iot:s3-presigned-url:fleetdeck://firmware/0123456789ab}")
                .hasMessageContaining("no firmware image 0123456789ab");

        Files.write(data.resolve("firmware/images/sha256/" + imageId), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> urls.fillIn(otaDocument("fleetdeck://firmware/" + imageId), 600))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("is not offered")
                .hasMessageContaining("the stored image changed");
    }

    @Test
    void moreThanTenPlaceholdersOrAValidityOutsideTheRangeAreRefused() {
        String one = "${aws:iot:s3-presigned-url:fleetdeck://firmware/" + imageId + "}";
        String eleven = String.join(",", java.util.Collections.nCopies(11, one));

        assertThatThrownBy(() -> urls.fillIn(eleven, 600))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("more than 10 presigned-URL placeholders");
        assertThatThrownBy(() -> urls.fillIn(one, 3601))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("60 to 3600 seconds");
    }
}
