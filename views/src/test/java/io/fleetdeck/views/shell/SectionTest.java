package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
}
