package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.firmware.delivery.UrlSigner;
import io.fleetdeck.firmware.delivery.UrlSigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firmware image fetched from the real {@code fleetdeck serve} with real curl, as a device would: through a link
 * from {@code fleetdeck firmware url}, checked against the data folder's CA, whole, by range and resumed; and refused
 * when the link was changed, has expired or is used the wrong way.
 */
class FirmwareDownloadIT {

    private static final Pattern LINK = Pattern.compile(
            "(https://127\\.0\\.0\\.1:\\d+)/firmware/([0-9a-f]{64})\\?expires=(\\d+)&signature=([A-Za-z0-9_-]{43})");

    @TempDir
    Path temp;

    /** What curl got: the HTTP status, the response headers, and the file it wrote. */
    private record Fetched(int status, String headers, Path file) {}

    private Fetched curl(Path out, String url, String... options) throws Exception {
        Path headers = temp.resolve("headers-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "--silent",
                "--show-error",
                "--cacert",
                temp.resolve("data/pki/root-ca.pem").toString(),
                "--dump-header",
                headers.toString(),
                "--output",
                out.toString(),
                "--write-out",
                "%{http_code}"));
        command.addAll(Arrays.asList(options));
        command.add(url);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String said = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.exitValue()).as("curl: %s", said).isZero();
        return new Fetched(Integer.parseInt(said.strip()), Files.readString(headers), out);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path image() throws IOException {
        byte[] bytes = new byte[300 * 1024 + 17];
        new Random(16).nextBytes(bytes);
        return Files.write(temp.resolve("pump.bin"), bytes);
    }

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void curlFetchesTheImageWholeByRangeAndResumedAndIsRefusedAChangedExpiredOrWrongLink() throws Exception {
        Path firmware = image();
        byte[] bytes = Files.readAllBytes(firmware);
        String id = sha256(bytes);
        try (FleetdeckProcess imported =
                run("firmware", "import", firmware.toString(), "--version", "1.4.0", "--target", "esp32-s3")) {
            assertThat(imported.awaitExit()).as("stderr %s", imported.stderr()).isZero();
        }
        try (FleetdeckProcess noInstance = run("firmware", "url", id.substring(0, 12))) {
            assertThat(noInstance.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", noInstance.stderr()))
                    .contains("no Fleetdeck runs on data folder "
                            + temp.resolve("data").toRealPath());
        }

        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", temp.resolve("data").toString(), "--mqtts-port", "0")) {
            String ready = serve.awaitStdoutLine("fleetdeck ready");
            assertThat(ready)
                    .as("the ready line is unchanged")
                    .matches("fleetdeck ready mqtts=127\\.0\\.0\\.1:\\d+ data=.+");

            String url = link(id.substring(0, 12), "1800");
            Matcher parts = LINK.matcher(url);
            assertThat(parts.matches()).as(url).isTrue();
            assertThat(parts.group(2)).isEqualTo(id);
            assertThat(Long.parseLong(parts.group(3)))
                    .isBetween(
                            Instant.now().getEpochSecond() + 1790, Instant.now().getEpochSecond() + 1810);

            Fetched whole = curl(temp.resolve("whole.bin"), url);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(sha256(Files.readAllBytes(whole.file()))).isEqualTo(id);
            assertThat(whole.headers().toLowerCase())
                    .contains("content-length: " + bytes.length)
                    .contains("etag: \"" + id + "\"")
                    .contains("accept-ranges: bytes");

            Fetched first100 = curl(temp.resolve("first100.bin"), url, "--range", "0-99");
            assertThat(first100.status()).isEqualTo(206);
            assertThat(Files.readAllBytes(first100.file())).isEqualTo(Arrays.copyOf(bytes, 100));
            assertThat(first100.headers().toLowerCase())
                    .contains("content-range: bytes 0-99/" + bytes.length)
                    .contains("content-length: 100");

            Path partial = Files.write(temp.resolve("resumed.bin"), Arrays.copyOf(bytes, 123_457));
            Fetched resumed = curl(partial, url, "--continue-at", "-");
            assertThat(resumed.status()).isEqualTo(206);
            assertThat(sha256(Files.readAllBytes(partial))).isEqualTo(id);

            Fetched pastTheEnd = curl(temp.resolve("none.bin"), url, "--range", bytes.length + "-");
            assertThat(pastTheEnd.status()).isEqualTo(416);
            assertThat(pastTheEnd.headers().toLowerCase()).contains("content-range: bytes */" + bytes.length);

            String signature = parts.group(4);
            String changed =
                    signature.substring(0, 10) + (signature.charAt(10) == 'A' ? 'B' : 'A') + signature.substring(11);
            Fetched tampered = curl(temp.resolve("tampered.txt"), url.replace(signature, changed));
            assertThat(tampered.status()).isEqualTo(403);
            assertThat(Files.readString(tampered.file())).contains("not one Fleetdeck signed");
            Fetched longer = curl(
                    temp.resolve("longer.txt"),
                    url.replace("expires=" + parts.group(3), "expires=" + parts.group(3) + "0"));
            assertThat(longer.status()).isEqualTo(403);

            // signed with the data folder's own key, two hours ago: correct, and out of time
            URI server = URI.create(parts.group(1));
            UrlSigner past = new UrlSigner(
                    UrlSigningKey.load(temp.resolve("data/pki")),
                    Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
            Fetched expired = curl(
                    temp.resolve("expired.txt"),
                    past.sign(server, id, 3600).url().toString());
            assertThat(expired.status()).isEqualTo(403);
            assertThat(Files.readString(expired.file())).contains("expired");

            UrlSigner now = new UrlSigner(UrlSigningKey.load(temp.resolve("data/pki")), Clock.systemUTC());
            Fetched unknown = curl(
                    temp.resolve("unknown.txt"),
                    now.sign(server, "0".repeat(64), 60).url().toString());
            assertThat(unknown.status()).isEqualTo(404);

            Fetched posted = curl(temp.resolve("posted.txt"), url, "--request", "POST");
            assertThat(posted.status()).isEqualTo(405);
            assertThat(posted.headers().toLowerCase()).contains("allow: get");

            try (FleetdeckProcess tooLong = run("firmware", "url", id, "--valid-seconds", "3601")) {
                assertThat(tooLong.awaitExit()).isEqualTo(2);
                assertThat(String.join("\n", tooLong.stderr())).contains("60 to 3600 seconds");
            }
        }
    }

    private String link(String id, String validSeconds) throws Exception {
        try (FleetdeckProcess url = run("firmware", "url", id, "--valid-seconds", validSeconds)) {
            assertThat(url.awaitExit()).as("stderr %s", url.stderr()).isZero();
            assertThat(url.stdout()).hasSize(1);
            return url.stdout().getFirst();
        }
    }
}
