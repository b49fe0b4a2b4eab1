package io.fleetdeck.firmware.delivery;

import io.fleetdeck.firmware.DataFiles;
import io.fleetdeck.firmware.FirmwareException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The data folder's key for download links, {@code pki/firmware-url.key}: 32 random bytes in base64, owner-only
 * beside the CA's key. Made once, at the first start of a download server; a new key ends every link already given.
 */
public final class UrlSigningKey {

    public static final String FILE_NAME = "firmware-url.key";
    private static final int KEY_BYTES = 32;

    private UrlSigningKey() {}

    /** The key in {@code pkiFolder}, made now when there is none. */
    public static byte[] loadOrCreate(Path pkiFolder) throws FirmwareException {
        Path file = pkiFolder.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(pkiFolder);
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            DataFiles.replace(file, Base64.getEncoder().encode(key), true);
        } catch (IOException e) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE, "cannot write the download link key " + file + ": " + e, e);
        }
        return key;
    }

    /** The key a running server made; refused when there is none or it is not 32 bytes in base64. */
    public static byte[] load(Path pkiFolder) throws FirmwareException {
        Path file = pkiFolder.resolve(FILE_NAME);
        byte[] key;
        try {
            key = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE, "there is no download link key " + file + " yet", e);
        } catch (IOException e) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE, "cannot read the download link key " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE, "the download link key " + file + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE,
                    "the download link key " + file + " holds " + key.length + " bytes, not " + KEY_BYTES);
        }
        return key;
    }
}
