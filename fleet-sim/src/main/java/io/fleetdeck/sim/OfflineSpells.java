package io.fleetdeck.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A device that drops off the network now and then: it stays online for {@code minOnline} to {@code maxOnline}, then
 * offline for {@code minOffline} to {@code maxOffline}, and so on, each length drawn from a seeded random, so the same
 * seed gives the same spells.
 */
public record OfflineSpells(Duration minOnline, Duration maxOnline, Duration minOffline, Duration maxOffline) {

    public OfflineSpells {
        if (minOnline.compareTo(maxOnline) > 0 || minOffline.compareTo(maxOffline) > 0) {
            throw new IllegalArgumentException("a spell's shortest length is at most its longest");
        }
        if (minOnline.isNegative() || minOnline.isZero() || minOffline.isNegative() || minOffline.isZero()) {
            throw new IllegalArgumentException("a device stays online and offline for more than no time");
        }
    }

    /** The spells of one device from {@code start}, online first. */
    Schedule from(Instant start, long seed) {
        return new Schedule(start, new SplittableRandom(seed));
    }

    /**
     * One device's spells, drawn as time goes on. Asked with instants that never go back; owned by one device and
     * asked on the fleet's scheduler thread only.
     */
    final class Schedule {

        private final SplittableRandom random;
        private boolean online = true;
        private Instant turnsAt;

        private Schedule(Instant start, SplittableRandom random) {
            this.random = random;
            this.turnsAt = start.plus(draw(minOnline, maxOnline));
        }

        /** Whether the device is online at {@code now}. */
        boolean onlineAt(Instant now) {
            while (!now.isBefore(turnsAt)) {
                online = !online;
                turnsAt = turnsAt.plus(online ? draw(minOnline, maxOnline) : draw(minOffline, maxOffline));
            }
            return online;
        }

        private Duration draw(Duration shortest, Duration longest) {
            long spread = longest.toMillis() - shortest.toMillis();
            return shortest.plusMillis(spread == 0 ? 0 : random.nextLong(spread + 1));
        }
    }
}
