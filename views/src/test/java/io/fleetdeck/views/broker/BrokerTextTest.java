package io.fleetdeck.views.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the Broker section writes for a connection's start and for a topic's last message. */
class BrokerTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void sinceShowsTheDateAndTheTimeInTheUsersLocale() {
        Instant connected = Instant.parse("2026-12-07T18:02:00Z");

        assertThat(BrokerText.since(connected, BERLIN, Locale.UK)).isEqualTo("7 Dec 2026, 19:02");
        assertThat(BrokerText.since(connected, BERLIN, Locale.GERMANY)).isEqualTo("07.12.2026, 19:02");
    }

    @Test
    void aClientThatIsAwayIsSaidToBe() {
        assertThat(BrokerText.since(null, BERLIN, Locale.UK)).isEqualTo("away");
    }

    @Test
    void aJsonPayloadIsShownOneMemberALineSoNoWordIsBrokenToWrapIt() {
        String compact = "{\"topic\":\"telemetry\",\"battery\":87,\"position\":{\"lat\":52.5,\"lon\":13.4}}";

        String shown = BrokerText.payload(compact);

        assertThat(shown.lines())
                .contains("  \"topic\" : \"telemetry\",", "  \"battery\" : 87,")
                .allSatisfy(line -> assertThat(line.length()).isLessThan(40));
    }

    @Test
    void aPayloadThatIsNotJsonIsShownAsItCame() {
        assertThat(BrokerText.payload("pump 7 restarted")).isEqualTo("pump 7 restarted");
        assertThat(BrokerText.payload("{not json")).isEqualTo("{not json");
    }
}
