package io.fleetdeck.views.shell;

import java.util.Optional;

/**
 * The console's sections in sidebar order; Ctrl+1..8 follow this order. Each names what it will show and which
 * capability brings it, so a section that is not built yet can say so honestly instead of showing fake data.
 */
public enum Section {
    FLEET(
            "Fleet",
            "Every thing in the fleet with its type, groups, connection, last seen, shadow summary and firmware"
                    + " version, searchable with the fleet query language.",
            "the device registry and Device Shadows"),
    GROUPS(
            "Groups",
            "Thing groups as a tree with member counts, inherited attributes and policies, and dynamic groups"
                    + " defined by a fleet query.",
            "thing groups"),
    JOBS(
            "Jobs",
            "Firmware OTA and remote operations: staged rollouts, the job execution of every thing, abort and"
                    + " timeout rules.",
            "Jobs"),
    FIRMWARE(
            "Firmware",
            "Signed firmware images with their versions, hardware targets and hashes, ready for delivery.",
            "the firmware catalog"),
    ALERTS(
            "Alerts",
            "Alarms from anomaly detection, audit findings and the mitigation actions taken.",
            "Device Defender detection and audits"),
    LAB(
            "Lab",
            "Boards on USB serial: flash firmware, run functional test plans and provision a board in one station"
                    + " run.",
            "the hardware lab"),
    BROKER(
            "Broker",
            "The embedded MQTT broker: its endpoints, the connected clients and their live traffic.",
            "the embedded MQTT broker"),
    CERTIFICATES(
            "Certificates",
            "Device certificates and CAs: state, expiry, attached things and policies, revocation.",
            "device identities and policies");

    private final String title;
    private final String purpose;
    private final String arrivesWith;

    Section(String title, String purpose, String arrivesWith) {
        this.title = title;
        this.purpose = purpose;
        this.arrivesWith = arrivesWith;
    }

    public String title() {
        return title;
    }

    /** One or two sentences on what the section shows once its capability is built. */
    public String purpose() {
        return purpose;
    }

    /** The capability that fills this section, in the user's words. */
    public String arrivesWith() {
        return arrivesWith;
    }

    /** The digit of its Ctrl+digit shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    public static Optional<Section> forShortcutDigit(int digit) {
        Section[] all = values();
        return digit >= 1 && digit <= all.length ? Optional.of(all[digit - 1]) : Optional.empty();
    }
}
