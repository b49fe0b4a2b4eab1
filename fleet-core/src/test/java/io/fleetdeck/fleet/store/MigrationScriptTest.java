package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void statementsSpanningLinesAreKeptWholeAndCommentedOutOnesAreSkipped() {
        String sql = """
                -- the first table;
                CREATE TABLE a (
                  id TEXT PRIMARY KEY
                );
                -- DROP TABLE a;

                CREATE INDEX a_by_id ON a(id);
                """;
        MigrationScript script = MigrationScript.of("V3__two_things.sql", sql.getBytes(StandardCharsets.UTF_8));

        assertThat(script.version()).isEqualTo(3);
        assertThat(script.label()).isEqualTo("V3 (two things)");
        assertThat(script.statements())
                .containsExactly("CREATE TABLE a (\n  id TEXT PRIMARY KEY\n)", "CREATE INDEX a_by_id ON a(id)");
    }

    @Test
    void anyEditToAScriptChangesItsChecksum() {
        MigrationScript original =
                MigrationScript.of("V1__x.sql", "CREATE TABLE a (id TEXT);\n".getBytes(StandardCharsets.UTF_8));
        MigrationScript edited =
                MigrationScript.of("V1__x.sql", "CREATE TABLE a (id  TEXT);\n".getBytes(StandardCharsets.UTF_8));

        assertThat(original.checksum()).matches("[0-9a-f]{64}").isNotEqualTo(edited.checksum());
    }

    @Test
    void aScriptNotNamedByVersionIsRejected() {
        assertThatThrownBy(() -> MigrationScript.of("identities.sql", new byte[0]))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V<number>__<description>.sql");
    }
}
