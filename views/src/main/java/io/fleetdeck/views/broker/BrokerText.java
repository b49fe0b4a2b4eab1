package io.fleetdeck.views.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetdeck.views.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the Broker section writes its values: connection instants with their date, payloads readable as sent. */
final class BrokerText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BrokerText() {}

    /**
     * When a client connected, date and time in the user's locale ({@code 7 Dec 2026, 19:02} in Britain): a broker
     * runs for weeks, and a time of day alone does not say which day.
     */
    static String since(@Nullable Instant connected, ZoneId zone, Locale locale) {
        if (connected == null) {
            return Texts.get("broker.since.away");
        }
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(connected.atZone(zone));
    }

    /**
     * A payload as the last-message pane shows it: JSON indented one member a line, so no line needs wrapping inside a
     * word (a compact JSON document has no spaces to wrap at); anything else as it came.
     */
    static String payload(String payload) {
        String text = payload.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return payload;
        }
        try {
            JsonNode document = JSON.readTree(text);
            return document == null ? payload : JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
