package io.fleetdeck.firmware;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A manifest as JSON, {@code firmware/manifests/<sha256>.json}: written by the catalog, read back at every start, and
 * so read as untrusted text (a hand edit, a torn disk): anything that is not a whole, valid manifest is refused with
 * what is wrong, never half read. Format 1:
 *
 * <pre>{@code
 * {"format":1,"sha256":"<64 hex>","size":1000,"version":"1.4.0","targets":["esp32-s3"],
 *  "releaseNotes":"...","fileName":"pump.bin","importedAt":"2026-12-07T22:00:00Z",
 *  "signedBy":"data-folder"|"imported","signature":"<base64 DER>","certificate":"-----BEGIN CERTIFICATE-----..."}
 * }</pre>
 */
public final class ManifestFormat {

    static final int FORMAT = 1;
    /** A manifest is a few KB (the certificate chain is most of it); past this it is not one of ours. */
    static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestFormat() {}

    public static byte[] write(Manifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("sha256", manifest.sha256());
        root.put("size", manifest.size());
        root.put("version", manifest.version().toString());
        ArrayNode targets = root.putArray("targets");
        manifest.targets().forEach(targets::add);
        if (manifest.releaseNotes() != null) {
            root.put("releaseNotes", manifest.releaseNotes());
        }
        if (manifest.fileName() != null) {
            root.put("fileName", manifest.fileName());
        }
        root.put("importedAt", manifest.importedAt().toString());
        root.put("signedBy", signerName(manifest.signedBy()));
        root.put("signature", Base64.getEncoder().encodeToString(manifest.signature()));
        root.put("certificate", manifest.certificatePem());
        return root.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest {@code bytes} hold, or a refusal that says what is wrong with them. */
    public static Manifest parse(byte[] bytes) throws FirmwareException {
        if (bytes.length > MAX_BYTES) {
            throw malformed("it is " + bytes.length + " bytes, more than a manifest's " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw malformed("not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw malformed("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed("not a JSON object");
        }
        if (!root.path("format").isInt() || root.path("format").intValue() != FORMAT) {
            throw malformed("format is not " + FORMAT);
        }
        try {
            return new Manifest(
                    sha256(text(root, "sha256")),
                    size(root.path("size")),
                    FirmwareVersion.parse(text(root, "version")),
                    targets(root.path("targets")),
                    optionalText(root, "releaseNotes"),
                    optionalText(root, "fileName"),
                    Instant.parse(text(root, "importedAt")),
                    signer(text(root, "signedBy")),
                    signature(text(root, "signature")),
                    certificate(text(root, "certificate")));
        } catch (FirmwareException e) {
            throw e.reason() == FirmwareException.Reason.STORAGE ? e : malformed(String.valueOf(e.getMessage()));
        } catch (DateTimeParseException e) {
            throw malformed("importedAt is not an instant");
        }
    }

    private static String text(JsonNode root, String field) throws FirmwareException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static @Nullable String optionalText(JsonNode root, String field) throws FirmwareException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(field + " is not a string");
        }
        return value.textValue();
    }

    private static String sha256(String hex) throws FirmwareException {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw malformed("sha256 is not 64 lower-case hex digits");
        }
        return hex;
    }

    private static long size(JsonNode size) throws FirmwareException {
        if (!size.canConvertToLong() || !size.isIntegralNumber() || size.longValue() <= 0) {
            throw malformed("size is not a positive whole number");
        }
        return size.longValue();
    }

    private static List<String> targets(JsonNode targets) throws FirmwareException {
        if (!targets.isArray() || targets.isEmpty()) {
            throw malformed("targets is not a non-empty array");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode target : targets) {
            if (!target.isTextual()) {
                throw malformed("a target is not a string");
            }
            names.add(HardwareTarget.check(target.textValue()));
        }
        return names;
    }

    private static Manifest.Signer signer(String name) throws FirmwareException {
        return switch (name) {
            case "data-folder" -> Manifest.Signer.DATA_FOLDER;
            case "imported" -> Manifest.Signer.IMPORTED;
            default -> throw malformed("signedBy is neither data-folder nor imported");
        };
    }

    static String signerName(Manifest.Signer signer) {
        return signer.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static byte[] signature(String base64) throws FirmwareException {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            if (der.length == 0) {
                throw malformed("signature is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not base64");
        }
    }

    private static String certificate(String pem) throws FirmwareException {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw malformed("certificate is not PEM");
        }
        return pem;
    }

    private static FirmwareException malformed(String why) {
        return new FirmwareException(FirmwareException.Reason.STORAGE, "malformed manifest: " + why);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
