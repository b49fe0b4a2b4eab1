package io.fleetdeck.views.certificates;

import io.fleetdeck.views.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the Certificates view writes dates, times and lists. */
final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** What a row shows for a missing value. */
    static final String NONE = "\u2014";

    private Formats() {}

    static String date(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE.format(instant.atZone(zone));
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }

    /** Today's by time of day, older ones by date; never seen says so. */
    static String lastSeen(@Nullable Instant seen, Instant now, ZoneId zone) {
        if (seen == null) {
            return Texts.get("certificates.lastSeen.never");
        }
        LocalDate day = seen.atZone(zone).toLocalDate();
        return day.equals(now.atZone(zone).toLocalDate())
                ? TIME_OF_DAY.format(seen.atZone(zone))
                : DATE.format(seen.atZone(zone));
    }

    /** {@code valid until 2027-03-14 10:00 (in 102 days)} or {@code expired 2026-11-20 10:00 (6 days ago)}. */
    static String validity(Instant notAfter, Instant now, ZoneId zone) {
        if (notAfter == null) {
            return Texts.get("certificates.validity.none");
        }
        long days = Duration.between(now, notAfter).toDays();
        if (!notAfter.isAfter(now)) {
            return Texts.get("certificates.validity.expired", dateTime(notAfter, zone), -days);
        }
        return Texts.get("certificates.validity.valid", dateTime(notAfter, zone), days);
    }

    static String joined(List<String> names) {
        return names.isEmpty() ? NONE : String.join(", ", names);
    }
}
