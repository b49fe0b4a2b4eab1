package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every query of the shadow store, on each database: upserts, deletion that keeps the version, bounded history. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowStoreTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    private Database database;
    private ShadowStore shadows;

    ShadowStoreTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void open() {
        database = store.open(folder);
        shadows = new ShadowStore(database, 3);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedVersionReplacesTheLastAndComesBackWhole() throws Exception {
        ShadowState first = state("{\"color\":\"red\"}", null, 1, 100);
        ShadowState second = state("{\"color\":\"green\"}", "{\"color\":\"red\",\"ünïcode\":\"✓\"}", 2, 101);
        save("lamp1", "", first, "{\"v\":1}");
        save("lamp1", "", second, "{\"v\":2}");
        save("lamp1", "night", first, "{\"v\":1}");

        assertThat(shadows.find("lamp1", "")).contains(new ShadowStore.Stored(second, null));
        assertThat(shadows.find("lamp1", "night")).contains(new ShadowStore.Stored(first, null));
        assertThat(shadows.find("lamp2", "")).isEmpty();
    }

    @Test
    void aDeletedShadowKeepsItsVersionUntilItIsWrittenAgain() throws Exception {
        save("lamp1", "", state("{\"on\":true}", "{\"on\":false}", 5, 100), "{}");
        markDeleted("lamp1", "", 200);

        assertThat(shadows.find("lamp1", ""))
                .as("a deleted shadow keeps its version, not its state")
                .contains(new ShadowStore.Stored(new ShadowState(null, null, null, null, 5, 100), 200L));

        ShadowState again = state("{\"on\":true}", null, 6, 300);
        save("lamp1", "", again, "{}");
        assertThat(shadows.find("lamp1", "")).contains(new ShadowStore.Stored(again, null));
    }

    @Test
    void historyKeepsTheLastVersionsOnly() throws Exception {
        for (int version = 1; version <= 5; version++) {
            save("lamp1", "", state("{\"n\":" + version + "}", null, version, 100 + version), "{}");
        }
        // saving a version twice (a retried write) does not add to the history
        save("lamp1", "", state("{\"n\":5}", null, 5, 105), "{}");

        assertThat(shadows.historySize("lamp1", "")).isEqualTo(3);
        assertThat(shadows.historySize("lamp1", "other")).isZero();
    }

    /** One batch of one version, as the committer writes it. */
    private void save(String thing, String shadow, ShadowState state, String document) {
        database.write(c -> {
            shadows.write(
                    c,
                    Map.of(new ShadowKey(thing, shadow), new ShadowStore.Stored(state, null)),
                    Map.of(new ShadowKey(thing, shadow, state.version()), new ShadowStore.Version(state, document)));
            return null;
        });
    }

    private void markDeleted(String thing, String shadow, long at) {
        ShadowState last = shadows.find(thing, shadow).orElseThrow().state();
        database.write(c -> {
            shadows.write(c, Map.of(new ShadowKey(thing, shadow), new ShadowStore.Stored(last, at)), Map.of());
            return null;
        });
    }

    private static ShadowState state(String desired, String reported, long version, long timestamp) throws Exception {
        return new ShadowState(object(desired), object(reported), object("{}"), null, version, timestamp);
    }

    private static ObjectNode object(String json) throws Exception {
        return json == null ? null : (ObjectNode) UpdateRequest.JSON.readTree(json);
    }
}
