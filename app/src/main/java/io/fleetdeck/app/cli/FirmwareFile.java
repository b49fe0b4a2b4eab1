package io.fleetdeck.app.cli;

import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.input.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/** A file named on the firmware command line: the image, its signature or its certificate, read with a bound. */
final class FirmwareFile {

    /** As the catalog's own limit: an image is held in memory to be hashed and signed. */
    static final int MAX_IMAGE_BYTES = 64 * 1024 * 1024;

    /** A signature is 70-odd bytes and a certificate chain a few KB; anything past this is the wrong file. */
    static final int MAX_SMALL_BYTES = 256 * 1024;

    private FirmwareFile() {}

    static byte[] image(Path file) throws StartupException {
        return read(file, MAX_IMAGE_BYTES);
    }

    /**
     * The DER signature in {@code file}; a file of base64 text (a job document's {@code sig-sha256-ecdsa}) is decoded
     * first, since a DER signature always starts with its SEQUENCE tag, 0x30, and base64 text never decodes to that
     * from a leading '0'.
     */
    static byte[] signature(Path file) throws StartupException {
        byte[] content = read(file, MAX_SMALL_BYTES);
        if (content.length > 0 && content[0] != 0x30) {
            try {
                return Base64.getMimeDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                return content; // neither: the catalog says the signature does not hold
            }
        }
        return content;
    }

    static String certificate(Path file) throws StartupException {
        return new String(read(file, MAX_SMALL_BYTES), StandardCharsets.US_ASCII);
    }

    private static byte[] read(Path file, int limit) throws StartupException {
        try {
            return BoundedFiles.read(file, limit);
        } catch (BoundedFiles.TooLargeException e) {
            throw new StartupException(
                    CliMessages.say("firmware.file.tooLarge", file.toString(), BoundedFiles.describe(limit)));
        } catch (NoSuchFileException e) {
            throw new StartupException(CliMessages.say(
                    "firmware.file.notFound",
                    file.toString(),
                    file.toAbsolutePath().normalize().toString()));
        } catch (IOException e) {
            throw new StartupException(CliMessages.say("firmware.file.unreadable", file.toString(), FileProblem.of(e)));
        }
    }
}
