package io.fleetdeck.views.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the fleet views write instants and numbers: one style everywhere, so columns line up and read alike. The words
 * ("today", "4 min ago") come from the {@code common} bundle; dates stay ISO-like in every language.
 */
public final class TimeText {

    /** What a cell shows for a missing value. */
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TimeText() {}

    /** {@code 2026-11-26 14:03}, or {@link #NONE}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 2026-11-26 14:03:12}, or {@link #NONE}. */
    public static String exact(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    /** Today's by time of day ({@code 14:03:12}), older ones with their date; a column of them stays one width. */
    public static String recent(Instant instant, Instant now, ZoneId zone) {
        if (instant == null) {
            return NONE;
        }
        return instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())
                ? Texts.get("common.today", TIME_OF_DAY.format(instant.atZone(zone)))
                : DATE_TIME.format(instant.atZone(zone));
    }

    /**
     * {@code 12 s ago}, {@code 3 min ago}, {@code 5 h ago}, {@code 12 days ago}: how long since, against a
     * {@link RelativeNow} that ticks, so the seconds count on screen. Under a second (or a clock a little behind the
     * broker's): {@code just now}.
     */
    public static String ago(Instant instant, Instant now) {
        Duration since = Duration.between(instant, now);
        if (since.isNegative() || since.toSeconds() < 1) {
            return Texts.get("common.ago.now");
        }
        if (since.toSeconds() < 60) {
            return Texts.get("common.ago.seconds", since.toSeconds());
        }
        if (since.toMinutes() < 60) {
            return Texts.get("common.ago.minutes", since.toMinutes());
        }
        if (since.toHours() < 48) {
            return Texts.get("common.ago.hours", since.toHours());
        }
        return Texts.get("common.ago.days", since.toDays());
    }

    /** {@code 12,345}. */
    public static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
