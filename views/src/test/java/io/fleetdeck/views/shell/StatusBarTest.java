package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.shell.ConsoleInfo.BrokerEndpoint;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where devices connect, as the status bar words it from the broker's ports in the console's language. */
class StatusBarTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void theDefaultBrokerReadsAsBefore() {
        assertThat(StatusBar.brokerWords(new BrokerEndpoint(8883, null, false)))
                .isEqualTo("MQTT over TLS on port 8883");
    }

    @Test
    void aPortIsWrittenWithoutThousandsSeparators() {
        assertThat(StatusBar.brokerWords(new BrokerEndpoint(18883, 11883, true)))
                .isEqualTo("MQTT over TLS on port 18883, plain MQTT on 127.0.0.1:11883 (standard MQTT profile)");
    }

    @Test
    void aGermanConsoleWordsTheSameFactsInGerman() {
        Locale.setDefault(Locale.GERMAN);

        assertThat(StatusBar.brokerWords(new BrokerEndpoint(18883, 11883, true)))
                .isEqualTo("MQTT über TLS auf Port 18883, einfaches MQTT auf 127.0.0.1:11883 (Standard-MQTT-Profil)");
    }
}
