package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.firmware.FirmwareImage;
import io.fleetdeck.api.firmware.FirmwareSignature;
import io.fleetdeck.api.firmware.FirmwareVerification;
import java.util.List;

/**
 * What the firmware commands print: columns to read, or JSON whose field names follow AWS's OTA documents where they
 * have one ({@code sig-sha256-ecdsa}, {@code filesize}).
 */
final class FirmwareOutput {

    private FirmwareOutput() {}

    /** The first 12 digits of an image's SHA-256: what lists show and every command accepts. */
    static String shortId(FirmwareImage image) {
        return shortId(image.imageId());
    }

    static String shortId(String imageId) {
        return imageId.substring(0, Math.min(12, imageId.length()));
    }

    static String imported(FirmwareImage image) {
        return CliMessages.say(
                "firmware.imported",
                image.version(),
                String.join(", ", image.targets()),
                shortId(image),
                image.size(),
                image.signer());
    }

    static String listJson(List<FirmwareImage> images) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("firmwareImages");
        images.forEach(image -> fill(array.addObject(), image));
        return OutputOption.print(answer);
    }

    static String describeJson(FirmwareImage image, FirmwareSignature signature) {
        ObjectNode answer = OutputOption.object();
        fill(answer, image);
        answer.put("sig-sha256-ecdsa", signature.sigSha256Ecdsa());
        answer.put("certificatePem", signature.certificatePem());
        return OutputOption.print(answer);
    }

    private static void fill(ObjectNode node, FirmwareImage image) {
        node.put("imageId", image.imageId());
        node.put("sha256", image.imageId());
        node.put("version", image.version());
        ArrayNode targets = node.putArray("targets");
        image.targets().forEach(targets::add);
        node.put("filesize", image.size());
        if (image.fileName() != null) {
            node.put("fileName", image.fileName());
        }
        if (image.releaseNotes() != null) {
            node.put("releaseNotes", image.releaseNotes());
        }
        node.put("signedBy", image.signedBy().name());
        node.put("signer", image.signer());
        ArrayNode knownSafe = node.putArray("knownSafeFor");
        image.knownSafeFor().forEach(knownSafe::add);
        node.put("importedAt", image.importedAt().toString());
    }

    static String listText(List<FirmwareImage> images) {
        if (images.isEmpty()) {
            return CliMessages.say("firmware.none");
        }
        TextTable table = new TextTable(CliMessages.columns("firmware.columns"));
        for (FirmwareImage image : images) {
            table.row(
                    shortId(image),
                    image.version(),
                    String.join(",", image.targets()),
                    Long.toString(image.size()),
                    signedBy(image),
                    TextTable.orDash(String.join(",", image.knownSafeFor())),
                    image.importedAt().toString());
        }
        return table.toString();
    }

    static String describeText(FirmwareImage image, FirmwareSignature signature) {
        return new TextTable(CliMessages.say("firmware.row.id"), image.imageId())
                .row(CliMessages.say("firmware.row.version"), image.version())
                .row(CliMessages.say("firmware.row.targets"), String.join(", ", image.targets()))
                .row(CliMessages.say("firmware.row.size"), Long.toString(image.size()))
                .row(CliMessages.say("firmware.row.file"), TextTable.orDash(image.fileName()))
                .row(CliMessages.say("firmware.row.notes"), TextTable.orDash(image.releaseNotes()))
                .row(CliMessages.say("firmware.row.signedBy"), signedBy(image))
                .row(CliMessages.say("firmware.row.signer"), image.signer())
                .row(CliMessages.say("firmware.row.signature"), signature.sigSha256Ecdsa())
                .row(
                        CliMessages.say("firmware.row.knownSafe"),
                        TextTable.orDash(String.join(", ", image.knownSafeFor())))
                .row(
                        CliMessages.say("firmware.row.imported"),
                        image.importedAt().toString())
                .toString();
    }

    static String verifications(List<FirmwareVerification> outcomes) {
        StringBuilder lines = new StringBuilder();
        for (FirmwareVerification outcome : outcomes) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(
                    outcome.verified()
                            ? CliMessages.say("firmware.verify.ok", shortId(outcome.imageId()), outcome.version())
                            : CliMessages.say(
                                    "firmware.verify.bad",
                                    shortId(outcome.imageId()),
                                    outcome.version(),
                                    outcome.status().name(),
                                    outcome.detail()));
        }
        return lines.toString();
    }

    private static String signedBy(FirmwareImage image) {
        return CliMessages.say(
                image.signedBy() == FirmwareImage.SignedBy.DATA_FOLDER
                        ? "firmware.signedBy.dataFolder"
                        : "firmware.signedBy.imported");
    }
}
