package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What of a JDBC URL may appear in a message: everything but a password. */
class JdbcUrlsTest {

    @Test
    void parametersAndAPasswordBeforeTheHostAreLeftOut() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db:5432/fleet?user=fleet&password=pw"))
                .isEqualTo("jdbc:postgresql://db:5432/fleet");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://fleet:pw@db/fleet?ssl=true"))
                .isEqualTo("jdbc:postgresql://fleet:***@db/fleet");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://[::1]:5432/fleet"))
                .isEqualTo("jdbc:postgresql://[::1]:5432/fleet");
        assertThat(JdbcUrls.withoutSecrets("jdbc:sqlite:/home/me/.local/share/fleetdeck/fleetdeck.db"))
                .isEqualTo("jdbc:sqlite:/home/me/.local/share/fleetdeck/fleetdeck.db");
    }

    @Test
    void aMessageQuotingTheUrlOrAPasswordParameterIsScrubbed() {
        String url = "jdbc:postgresql://db/fleet?user=fleet&password=pw-123";
        assertThat(JdbcUrls.scrub("No suitable driver found for " + url, url))
                .isEqualTo("No suitable driver found for jdbc:postgresql://db/fleet");
        assertThat(JdbcUrls.scrub("bad options user=fleet&Password=pw-123;ssl=true", url))
                .isEqualTo("bad options user=fleet&Password=***;ssl=true");
    }

    @Test
    void aFailureIsCopiedOnlyWhenSomethingInItsChainNeedsScrubbing() {
        String url = "jdbc:postgresql://db/fleet?password=pw-123";
        SQLException clean = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        assertThat((Object) JdbcUrls.scrubbed(clean, url)).isSameAs(clean);

        SQLException leaking =
                new SQLException("The connection attempt failed.", "08001", new IllegalStateException(url + " bad"));
        SQLException scrubbed = JdbcUrls.scrubbed(leaking, url);
        assertThat(scrubbed.getMessage()).isEqualTo("The connection attempt failed.");
        assertThat(scrubbed.getSQLState()).isEqualTo("08001");
        assertThat(scrubbed.getCause()).hasMessage("java.lang.IllegalStateException: jdbc:postgresql://db/fleet bad");
    }

    @Test
    void aUserBeforeTheHostIsRefusedForServersButNotForFiles() {
        assertThatThrownBy(() -> JdbcUrls.refuseCredentialsBeforeTheHost("jdbc:postgresql://fleet@db/fleet"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not before the host");
        JdbcUrls.refuseCredentialsBeforeTheHost("jdbc:postgresql://db/fleet?user=fleet@corp");
        JdbcUrls.refuseCredentialsBeforeTheHost("jdbc:sqlite:/srv/me@host/fleetdeck.db");
    }
}
