package io.fleetdeck.firmware.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.firmware.FirmwareException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlSignerTest {

    private static final String IMAGE = "94eee6d143c8" + "0".repeat(52);
    private static final URI SERVER = URI.create("https://127.0.0.1:8443");
    private static final Pattern LINK =
            Pattern.compile("https://127\\.0\\.0\\.1:8443/firmware/([0-9a-f]{64})\\?expires=(\\d+)&signature=(\\S+)");

    @TempDir
    Path pki;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T22:00:00Z"));

    private static Map<String, String> parts(SignedUrl url) {
        Matcher link = LINK.matcher(url.url().toString());
        assertThat(link.matches()).as(url.url().toString()).isTrue();
        return Map.of("id", link.group(1), "expires", link.group(2), "signature", link.group(3));
    }

    @Test
    void aLinkWorksUntilItsTimeIsUpAndNotASecondLonger() throws Exception {
        UrlSigner signer = new UrlSigner(UrlSigningKey.loadOrCreate(pki), clock);
        SignedUrl url = signer.sign(SERVER, IMAGE, 60);
        Map<String, String> link = parts(url);

        assertThat(url.expiresAt()).isEqualTo(Instant.parse("2026-12-07T22:01:00Z"));
        assertThat(link.get("expires")).isEqualTo(Long.toString(url.expiresAt().getEpochSecond()));
        assertThat(signer.check(IMAGE, link.get("expires"), link.get("signature")))
                .isEqualTo(UrlSigner.Check.VALID);
        clock.advance(Duration.ofSeconds(59));
        assertThat(signer.check(IMAGE, link.get("expires"), link.get("signature")))
                .isEqualTo(UrlSigner.Check.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signer.check(IMAGE, link.get("expires"), link.get("signature")))
                .isEqualTo(UrlSigner.Check.EXPIRED);
    }

    @Test
    void anyChangedCharacterOfIdExpiryOrSignatureMakesTheLinkTampered() throws Exception {
        UrlSigner signer = new UrlSigner(UrlSigningKey.loadOrCreate(pki), clock);
        Map<String, String> link = parts(signer.sign(SERVER, IMAGE, 3600));
        String id = link.get("id");
        String expires = link.get("expires");
        String signature = link.get("signature");
        for (int i = 0; i < id.length(); i++) {
            assertThat(signer.check(changed(id, i, "0123456789abcdef"), expires, signature))
                    .as("id changed at %d", i)
                    .isEqualTo(UrlSigner.Check.TAMPERED);
        }
        for (int i = 0; i < expires.length(); i++) {
            assertThat(signer.check(id, changed(expires, i, "0123456789"), signature))
                    .as("expiry changed at %d", i)
                    .isEqualTo(UrlSigner.Check.TAMPERED);
        }
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < signature.length(); i++) {
            assertThat(signer.check(id, expires, changed(signature, i, base64url)))
                    .as("signature changed at %d", i)
                    .isEqualTo(UrlSigner.Check.TAMPERED);
        }
        assertThat(signer.check(id, expires, signature + "A")).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, expires + "0", signature)).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, null, signature)).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, expires, null)).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, "-" + expires, signature)).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, "99999999999999999999", signature)).isEqualTo(UrlSigner.Check.TAMPERED);
        assertThat(signer.check(id, expires, signature)).isEqualTo(UrlSigner.Check.VALID);
    }

    /** {@code text} with its character at {@code at} replaced by the next one of {@code alphabet}. */
    private static String changed(String text, int at, String alphabet) {
        char next = alphabet.charAt((alphabet.indexOf(text.charAt(at)) + 1) % alphabet.length());
        return text.substring(0, at) + next + text.substring(at + 1);
    }

    @Test
    void anotherDataFoldersKeyDoesNotSignForThisOne(@TempDir Path otherPki) throws Exception {
        UrlSigner ours = new UrlSigner(UrlSigningKey.loadOrCreate(pki), clock);
        UrlSigner theirs = new UrlSigner(UrlSigningKey.loadOrCreate(otherPki), clock);
        Map<String, String> link = parts(theirs.sign(SERVER, IMAGE, 600));

        assertThat(ours.check(IMAGE, link.get("expires"), link.get("signature")))
                .isEqualTo(UrlSigner.Check.TAMPERED);
    }

    @Test
    void aValidityOutsideAwsRangeIsRefusedSayingTheRange() throws Exception {
        UrlSigner signer = new UrlSigner(UrlSigningKey.loadOrCreate(pki), clock);
        for (long seconds : new long[] {-1, 0, 59, 3601, 86_400}) {
            assertThatThrownBy(() -> signer.sign(SERVER, IMAGE, seconds))
                    .isInstanceOf(FirmwareException.class)
                    .hasMessageContaining("60 to 3600 seconds")
                    .hasMessageContaining(Long.toString(seconds));
        }
        assertThat(signer.sign(SERVER, IMAGE, 60).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(60));
        assertThat(signer.sign(SERVER, IMAGE, 3600).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndKeptAcrossStarts() throws Exception {
        byte[] first = UrlSigningKey.loadOrCreate(pki);
        byte[] again = UrlSigningKey.loadOrCreate(pki);
        Path file = pki.resolve(UrlSigningKey.FILE_NAME);

        assertThat(again).isEqualTo(first).hasSize(32);
        assertThat(UrlSigningKey.load(pki)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Files.writeString(file, "c2hvcnQ=", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> UrlSigningKey.load(pki))
                .isInstanceOf(FirmwareException.class)
                .hasMessageContaining("holds 5 bytes, not 32");
    }
}
