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

    /**
     * Databases out there recorded these checksums when they ran the scripts, and refuse to open if a script changes:
     * a schema change, for SQLite or PostgreSQL alike, is a new version, never an edit.
     */
    @Test
    void shippedScriptsKeepTheChecksumsDatabasesRecorded() {
        // new versions come after these
        assertThat(Migrations.fromClassPath().checksums())
                .startsWith(
                        "dc8eef932d4b7a81882a40f65f156f9fb9b45e693fb7adcfb10ebe0da2b6236e",
                        "8a34ec54fc433ae73c1f7053a9743292cf55be4ab3864ebda2af8ace69282aa8",
                        "4fc1d5369b9c0959eada9a8991d614e6333eed0a7a280c7eae15f671953efde3",
                        "b28a13d4a7c406c5965cb7c3d3f306e871ca40e81a8a134b686230dace894d63",
                        "ce5939decee7b0c890ea5d67defa9798d2a3907e63b164119781f670f81be7fd",
                        "97e0a0e1b8e696b787b067c87e7f1cd755058e704cfbee5e2d0bb253050c4fe0");
    }
}
