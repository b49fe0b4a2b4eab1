package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the PostgreSQL server goes away (a crash, a restart, a failover) under an open store. Requests fail while
 * it is down, saying so without the password; once it is back the store connects again by itself, and what was
 * committed before is there.
 */
class PostgresReconnectTest {

    @Test
    void aServerThatGoesAwayAndComesBackIsConnectedToAgainByItself() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        try (Database store = Database.open(postgres.url(postgres.createDatabase()))) {
            store.write(c -> Jdbc.update(c, "CREATE TABLE reconnect_probe (v INTEGER)"));
            store.write(c -> Jdbc.update(c, "INSERT INTO reconnect_probe (v) VALUES (1)"));

            postgres.crash();
            try {
                assertThatThrownBy(() -> store.write(c -> Jdbc.update(c, "INSERT INTO reconnect_probe (v) VALUES (2)")))
                        .isInstanceOf(StoreException.class);
                assertThatThrownBy(() -> store.read(c -> Jdbc.query(c, "SELECT v FROM reconnect_probe", r -> 0)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("cannot be reached")
                        .hasMessageNotContaining(postgres.password());
            } finally {
                postgres.startAgain();
            }

            store.write(c -> Jdbc.update(c, "INSERT INTO reconnect_probe (v) VALUES (3)"));
            List<Integer> kept =
                    store.read(c -> Jdbc.query(c, "SELECT v FROM reconnect_probe ORDER BY v", r -> r.getInt(1)));
            assertThat(kept).containsExactly(1, 3);
        }
    }
}
