package io.fleetdeck.firmware.delivery;

import io.fleetdeck.firmware.FirmwareException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Makes and checks download links: {@code <base>/firmware/<imageId>?expires=<epoch seconds>&signature=<base64url
 * HMAC-SHA256 of "<imageId>\n<expires>">}. A link lives 60 to 3600 seconds, as AWS's presigned URLs
 * ({@code expiresInSec}, AWS-IOT-BEHAVIOUR §2.8). Immutable; any thread.
 */
public final class UrlSigner {

    public static final long MIN_VALID_SECONDS = 60;
    public static final long MAX_VALID_SECONDS = 3600;
    /** AWS's default {@code expiresInSec} (AWS-OTA-AND-STREAMS §A.3). */
    public static final long DEFAULT_VALID_SECONDS = 1800;

    static final String PATH_PREFIX = "/firmware/";
    private static final String HMAC = "HmacSHA256";
    /* an epoch second has at most 19 digits; more is no expiry we ever wrote */
    private static final int MAX_EXPIRES_DIGITS = 19;

    private final SecretKeySpec key;
    private final Clock clock;

    public UrlSigner(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.clock = clock;
    }

    /** What a link's check found. */
    public enum Check {
        /** Signed by this data folder and not expired. */
        VALID,
        /** Signed by this data folder, but its time is up. */
        EXPIRED,
        /** Not what this data folder signed: a changed id, expiry or signature, or one of them missing. */
        TAMPERED
    }

    /** Refuses a validity outside 60–3600 seconds, the range AWS allows a presigned URL. */
    public static void checkValidity(long validSeconds) throws FirmwareException {
        if (validSeconds < MIN_VALID_SECONDS || validSeconds > MAX_VALID_SECONDS) {
            throw new FirmwareException(
                    FirmwareException.Reason.INVALID,
                    "a download link is valid for " + MIN_VALID_SECONDS + " to " + MAX_VALID_SECONDS
                            + " seconds, as AWS's presigned URLs; " + validSeconds + " is outside");
        }
    }

    /** A link to {@code imageId} (its full SHA-256) on the server at {@code base}, valid from now on. */
    public SignedUrl sign(URI base, String imageId, long validSeconds) throws FirmwareException {
        checkValidity(validSeconds);
        Instant expiresAt = clock.instant().plusSeconds(validSeconds);
        long expires = expiresAt.getEpochSecond();
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(imageId, Long.toString(expires)));
        String root = base.toString().replaceAll("/+$", "");
        URI url = URI.create(root + PATH_PREFIX + imageId + "?expires=" + expires + "&signature=" + signature);
        return new SignedUrl(imageId, url, Instant.ofEpochSecond(expires));
    }

    /**
     * Whether a link's parts are as this data folder signed them, and still in time. The signature is checked first
     * and in constant time, so neither an id nor an expiry can be probed.
     */
    public Check check(String imageId, @Nullable String expires, @Nullable String signature) {
        if (expires == null
                || signature == null
                || expires.isEmpty()
                || expires.length() > MAX_EXPIRES_DIGITS
                || !expires.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Check.TAMPERED;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Check.TAMPERED;
        }
        // base64url without padding has one spelling per value; another spelling of the same bytes is a changed link
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(given).equals(signature)) {
            return Check.TAMPERED;
        }
        if (!MessageDigest.isEqual(given, mac(imageId, expires))) {
            return Check.TAMPERED;
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Check.TAMPERED; // 19 digits past Long.MAX_VALUE: never signed
        }
        return clock.instant().getEpochSecond() >= expiresAt ? Check.EXPIRED : Check.VALID;
    }

    private byte[] mac(String imageId, String expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((imageId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
        }
    }
}
