package io.fleetdeck.views.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Material Design icon of each section, used in the sidebar and its empty state. */
final class SectionIcons {

    private SectionIcons() {}

    static Ikon of(Section section) {
        return switch (section) {
            case FLEET -> MaterialDesignD.DEVICES;
            case GROUPS -> MaterialDesignF.FILE_TREE;
            case JOBS -> MaterialDesignR.ROCKET_LAUNCH_OUTLINE;
            case FIRMWARE -> MaterialDesignC.CHIP;
            case ALERTS -> MaterialDesignB.BELL_ALERT_OUTLINE;
            case LAB -> MaterialDesignF.FLASK_OUTLINE;
            case BROKER -> MaterialDesignL.LAN_CONNECT;
            case CERTIFICATES -> MaterialDesignC.CERTIFICATE_OUTLINE;
        };
    }
}
