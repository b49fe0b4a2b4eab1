package io.fleetdeck.firmware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware version, {@code MAJOR.MINOR.BUILD}. Bounded as AWS's OTA agent packs it into one 32-bit word ({@code
 * major<<24 | minor<<16 | build}, AWS-OTA-AND-STREAMS §A.6): a device reports its running version that way, so a
 * version the word cannot hold, or a label such as {@code -rc1} it would drop, could never be told apart on the
 * device. Ordered by that word.
 */
public record FirmwareVersion(int major, int minor, int build) implements Comparable<FirmwareVersion> {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,5})");

    public FirmwareVersion {
        if (major < 0 || major > 255 || minor < 0 || minor > 255 || build < 0 || build > 65_535) {
            throw new IllegalArgumentException("out of the OTA version word's range");
        }
    }

    /** The version {@code text} names, or a refusal that says what a version must look like. */
    public static FirmwareVersion parse(String text) throws FirmwareException {
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw malformed(text);
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        int build = Integer.parseInt(matcher.group(3));
        if (major > 255 || minor > 255 || build > 65_535) {
            throw malformed(text);
        }
        return new FirmwareVersion(major, minor, build);
    }

    private static FirmwareException malformed(String text) {
        return new FirmwareException(
                FirmwareException.Reason.INVALID,
                "version '" + text + "' is malformed: write MAJOR.MINOR.BUILD, e.g. 1.4.0, with MAJOR and MINOR"
                        + " up to 255 and BUILD up to 65535 (the OTA agent's version word), and no label");
    }

    /** The 32-bit word AWS's OTA agent reports as {@code updatedBy} (§A.6). */
    public int otaWord() {
        return major << 24 | minor << 16 | build;
    }

    @Override
    public int compareTo(FirmwareVersion other) {
        return Integer.compareUnsigned(otaWord(), other.otaWord());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build;
    }
}
