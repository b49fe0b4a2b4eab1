package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a device that drops off the network now and then is online, over a day of a clock the test moves. */
class OfflineSpellsTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final OfflineSpells SPELLS = new OfflineSpells(
            Duration.ofMinutes(3), Duration.ofMinutes(6), Duration.ofSeconds(40), Duration.ofSeconds(90));

    @Test
    void aDeviceStartsOnlineAndAlternatesBetweenSpellsOfTheLengthsItWasGiven() {
        assertThat(SPELLS.from(START, 7).onlineAt(START)).isTrue();
        List<Duration> spells = spells(SPELLS.from(START, 7), Duration.ofHours(24));

        assertThat(spells).hasSizeGreaterThan(100);
        for (int i = 0; i < spells.size() - 1; i++) {
            Duration spell = spells.get(i);
            if (i % 2 == 0) {
                assertThat(spell).as("online spell %d", i).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(6));
            } else {
                assertThat(spell).as("offline spell %d", i).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(90));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSpellsAndAnotherSeedOthers() {
        assertThat(spells(SPELLS.from(START, 7), Duration.ofHours(2)))
                .isEqualTo(spells(SPELLS.from(START, 7), Duration.ofHours(2)))
                .isNotEqualTo(spells(SPELLS.from(START, 8), Duration.ofHours(2)));
    }

    @Test
    void aLongPauseBetweenQuestionsSkipsTheSpellsInBetween() {
        OfflineSpells.Schedule asked = SPELLS.from(START, 7);
        OfflineSpells.Schedule followed = SPELLS.from(START, 7);
        Instant later = START.plus(Duration.ofHours(5));

        spells(followed, Duration.ofHours(5));
        assertThat(asked.onlineAt(later)).isEqualTo(followed.onlineAt(later));
    }

    @Test
    void aSpellOfNoTimeIsRefused() {
        assertThatThrownBy(() -> new OfflineSpells(
                        Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than no time");
    }

    /** The lengths of the spells during {@code span}, read second by second as a device's ticks would. */
    private static List<Duration> spells(OfflineSpells.Schedule schedule, Duration span) {
        List<Duration> lengths = new ArrayList<>();
        boolean online = schedule.onlineAt(START);
        Instant since = START;
        for (Instant at = START; at.isBefore(START.plus(span)); at = at.plusSeconds(1)) {
            boolean now = schedule.onlineAt(at);
            if (now != online) {
                lengths.add(Duration.between(since, at));
                since = at;
                online = now;
            }
        }
        return lengths;
    }
}
