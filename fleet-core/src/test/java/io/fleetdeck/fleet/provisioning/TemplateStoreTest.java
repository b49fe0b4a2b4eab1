package io.fleetdeck.fleet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every query of the template store, on each database: templates replaced in place, tokens good for their time. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class TemplateStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final StoreKind store;

    @TempDir
    Path folder;

    private Database database;

    TemplateStoreTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void open() {
        database = store.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private TemplateStore at(Instant instant) {
        return new TemplateStore(database, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTemplatePutAgainIsReplaced() {
        at(NOW).put("factory", "{\"v\":1}");
        at(NOW).put("factory", "{\"v\":2}");

        assertThat(at(NOW).find("factory")).contains("{\"v\":2}");
        assertThat(at(NOW).find("other")).isEmpty();
    }

    @Test
    void aTokenStandsForItsCertificateUntilItExpiresOrIsSpent() {
        database.write(c -> {
            try (PreparedStatement certificate = c.prepareStatement(
                    "INSERT INTO certificate"
                            + " (id, pem, subject, status, not_after, created_at) VALUES ('c1', 'PEM', 'CN=d', 'ACTIVE', 0, 0)")) {
                return certificate.executeUpdate();
            }
        });
        at(NOW).issueToken("t1", "c1", Duration.ofHours(1).toMillis());
        at(NOW).issueToken("t2", "c1", Duration.ofHours(1).toMillis());

        assertThat(at(NOW.plus(Duration.ofMinutes(59))).certificateOf("t1")).contains("c1");
        assertThat(at(NOW.plus(Duration.ofHours(1))).certificateOf("t1")).isEmpty();

        at(NOW).spend("t2");
        assertThat(at(NOW).certificateOf("t2")).isEmpty();
        assertThat(at(NOW).certificateOf("unknown")).isEmpty();
    }
}
