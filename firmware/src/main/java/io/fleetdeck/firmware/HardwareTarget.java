package io.fleetdeck.firmware;

import java.util.regex.Pattern;

/** A hardware target's name (a board or module, e.g. {@code esp32-s3-devkitc}): what an image is built for. */
final class HardwareTarget {

    /** AWS's thing-name characters, so a target can be a thing type's or an attribute's value too. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private HardwareTarget() {}

    static String check(String target) throws FirmwareException {
        if (!NAME.matcher(target).matches()) {
            throw new FirmwareException(
                    FirmwareException.Reason.INVALID,
                    "hardware target '" + target + "' is malformed: 1 to 128 of letters, digits, _ . : -"
                            + " starting with a letter or digit");
        }
        return target;
    }
}
