package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SectionTest {

    @Test
    void theSidebarHasTheEightSectionsInTheirShortcutOrder() {
        assertThat(Arrays.stream(Section.values()).map(Section::title))
                .containsExactly("Fleet", "Groups", "Jobs", "Firmware", "Alerts", "Lab", "Broker", "Certificates");
        for (Section section : Section.values()) {
            assertThat(Section.forShortcutDigit(section.shortcutDigit())).contains(section);
        }
    }

    @Test
    void everySectionSaysWhatItWillShowAndWhatBringsIt() {
        for (Section section : Section.values()) {
            assertThat(section.purpose())
                    .as(section.title())
                    .hasSizeGreaterThan(40)
                    .endsWith(".");
            assertThat(section.arrivesWith()).as(section.title()).isNotBlank();
        }
    }

    @Test
    void aGermanDesktopReadsEverySectionAndServiceStateInGerman() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(Arrays.stream(Section.values()).map(Section::title))
                    .containsExactly(
                            "Flotte", "Gruppen", "Aufträge", "Firmware", "Alarme", "Labor", "Broker", "Zertifikate");
            for (Section section : Section.values()) {
                assertThat(section.purpose())
                        .as(section.name())
                        .doesNotStartWith("!")
                        .endsWith(".");
                assertThat(section.arrivesWith()).as(section.name()).doesNotStartWith("!");
            }
            assertThat(Arrays.stream(ServiceState.values()).map(ServiceState::label))
                    .containsExactly(
                            "Dienste werden gestartet",
                            "Dienste laufen",
                            "Datenträger voll: Änderungen abgelehnt",
                            "Dienste werden beendet",
                            "Dienste ausgefallen");
        } finally {
            Locale.setDefault(before);
        }
    }
}
