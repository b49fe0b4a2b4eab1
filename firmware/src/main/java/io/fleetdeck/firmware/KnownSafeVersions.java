package io.fleetdeck.firmware;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The known-safe image of each hardware target, {@code firmware/known-safe.json} ({@code {"<target>":"<sha256>"}}):
 * the version a rollback goes back to. One file, replaced whole, so moving a target's mark is one atomic step.
 */
final class KnownSafeVersions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    KnownSafeVersions(Path file) {
        this.file = file;
    }

    /** Target to image id, sorted by target. */
    Map<String, String> read() throws FirmwareException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw unreadable("not a JSON object");
            }
            Map<String, String> marks = new TreeMap<>();
            for (Map.Entry<String, JsonNode> mark : root.properties()) {
                if (!mark.getValue().isTextual()) {
                    throw unreadable(mark.getKey() + " is not an image id");
                }
                marks.put(mark.getKey(), mark.getValue().textValue());
            }
            return marks;
        } catch (JacksonException e) {
            throw unreadable("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(e.toString());
        }
    }

    void write(Map<String, String> marks) throws FirmwareException {
        ObjectNode root = JSON.createObjectNode();
        new TreeMap<>(marks).forEach(root::put);
        try {
            DataFiles.replace(file, root.toPrettyString().getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new FirmwareException(FirmwareException.Reason.STORAGE, "cannot write " + file + ": " + e, e);
        }
    }

    private FirmwareException unreadable(String why) {
        return new FirmwareException(FirmwareException.Reason.STORAGE, "cannot read " + file + ": " + why);
    }
}
