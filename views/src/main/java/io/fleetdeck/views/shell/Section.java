package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import java.util.Optional;

/**
 * The console's sections in sidebar order; Ctrl+1..8 follow this order. Each names what it will show and which
 * capability brings it, so a section that is not built yet can say so honestly instead of showing fake data.
 */
public enum Section {
    FLEET("shell.section.fleet"),
    GROUPS("shell.section.groups"),
    JOBS("shell.section.jobs"),
    FIRMWARE("shell.section.firmware"),
    ALERTS("shell.section.alerts"),
    LAB("shell.section.lab"),
    BROKER("shell.section.broker"),
    CERTIFICATES("shell.section.certificates");

    /** Where its words are in the shell bundle: {@code KEY.title}, {@code KEY.purpose}, {@code KEY.arrivesWith}. */
    private final String key;

    Section(String key) {
        this.key = key;
    }

    /** Its name in the sidebar, the header and the window title, in the user's language. */
    public String title() {
        return Texts.get(key + ".title");
    }

    /** One or two sentences on what the section shows once its capability is built. */
    public String purpose() {
        return Texts.get(key + ".purpose");
    }

    /** The capability that fills this section, in the user's words. */
    public String arrivesWith() {
        return Texts.get(key + ".arrivesWith");
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
