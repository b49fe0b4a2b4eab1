package io.fleetdeck.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.firmware.FirmwareDelivery;
import io.fleetdeck.app.data.DataFolder;
import io.fleetdeck.app.service.LocalFirmwareDelivery;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.firmware.ImageCatalog;
import io.fleetdeck.firmware.ImageUse;
import io.fleetdeck.firmware.ImportRequest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download server as the instance starts it, on a real data folder (its CA, the broker's server certificate):
 * a job document's placeholder, filled in through the service API, is a link the JDK's own HTTPS client fetches
 * while trusting only the data folder's CA; the API's refusals are AWS's error kinds.
 */
class FirmwareDownloadsTest {

    private static final Pattern LINK = Pattern.compile("https://127\\.0\\.0\\.1:\\d+/firmware/[0-9a-f]{64}\\?[^\"]+");

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();
    private DataFolder folder;
    private ImageCatalog catalog;
    private byte[] image;
    private String imageId;

    @BeforeEach
    void dataFolderWithOneImage() throws Exception {
        folder = DataFolder.open(root);
        ServerIdentity.loadOrCreate(root.resolve("pki"), folder.caCertificate(), clock);
        CertificateAuthority ca = CertificateAuthority.load(root.resolve("pki"), clock);
        catalog = ImageCatalog.open(root, new FirmwareSigningAuthority(ca), ImageUse.NONE, clock);
        image = new byte[70_000];
        new Random(16).nextBytes(image);
        imageId = catalog.importImage(
                        new ImportRequest(image, "pump.bin", "1.4.0", List.of("esp32-s3"), null, null, null))
                .sha256();
    }

    private HttpClient trustingTheDataFolder() throws Exception {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        try (InputStream in = Files.newInputStream(root.resolve("pki/root-ca.pem"))) {
            roots.setCertificateEntry(
                    "root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    @Test
    void aFilledInJobDocumentLinksToTheImageOverTheBrokersCertificate() throws Exception {
        try (FirmwareDownloads downloads =
                FirmwareDownloads.start(folder, catalog, DownloadOptions.defaults(), clock)) {
            assertThat(downloads).isNotNull();
            FirmwareDelivery delivery = LocalFirmwareDelivery.serving(downloads.urls());
            String document = delivery.presignJobDocument(
                    "{\"url\":\"${aws:iot:s3-presigned-url:fleetdeck://firmware/" + imageId.substring(0, 8) + "}\"}",
                    600);
            Matcher link = LINK.matcher(document);
            assertThat(link.find()).as(document).isTrue();
            assertThat(Files.readString(root.resolve("firmware/download-server"))
                            .strip())
                    .isEqualTo(downloads.base().toString());

            try (HttpClient client = trustingTheDataFolder()) {
                HttpResponse<byte[]> fetched = client.send(
                        HttpRequest.newBuilder(URI.create(link.group())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(fetched.statusCode()).isEqualTo(200);
                assertThat(fetched.body()).isEqualTo(image);
                assertThat(fetched.headers().firstValue("etag")).contains('"' + imageId + '"');

                HttpResponse<byte[]> head = client.send(
                        HttpRequest.newBuilder(URI.create(link.group()))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(head.statusCode()).isEqualTo(405);
            }
        }
        assertThat(root.resolve("firmware/download-server")).doesNotExist();
    }

    @Test
    void theApiRefusesAnS3UrlAnUnknownImageABadValidityAndAFolderWithoutAServer() throws Exception {
        try (FirmwareDownloads downloads =
                FirmwareDownloads.start(folder, catalog, DownloadOptions.defaults(), clock)) {
            assertThat(downloads).isNotNull();
            FirmwareDelivery delivery = LocalFirmwareDelivery.serving(downloads.urls());

            assertThatThrownBy(() -> delivery.presignJobDocument(
                            "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bucket/pump.bin}\"}", 600))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bucket/pump.bin}");
            assertThatThrownBy(() -> delivery.downloadLink("0123456789ab", 600))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> delivery.downloadLink(imageId, 59))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("60 to 3600 seconds");
            assertThat(delivery.downloadLink(imageId, 3600).url()).startsWith(downloads.base() + "/firmware/");
        }
        assertThatThrownBy(() -> LocalFirmwareDelivery.notServing().downloadLink(imageId, 600))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no firmware download server runs on this data folder");
    }
}
