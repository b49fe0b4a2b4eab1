package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.shadows.ShadowName;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service API's shadows over a real store and registry. */
class LocalShadowsTest {

    private static final String REPORTED = "{\"state\":{\"reported\":{\"battery\":80}}}";

    @TempDir
    Path folder;

    /** Issue 15, defect 14: shadows AWS keeps for names no thing has are listed, for the console's filter. */
    @Test
    void shadowsWithoutAThingAreListedByThingAndShadowName() throws Exception {
        try (Database database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
                Shadows store = new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults())) {
            Registry registry = new Registry(database, Clock.systemUTC());
            ShadowService shadows = new LocalShadows(store, () -> null, registry::thingNames);
            registry.createThing("pump-7", null, Map.of());

            shadows.updateThingShadow("pump-7", "", REPORTED);
            shadows.updateThingShadow("nosuch", "", REPORTED);
            shadows.updateThingShadow("nosuch", "config", REPORTED);
            shadows.updateThingShadow("ghost", "", REPORTED);

            assertThat(shadows.shadowsWithoutAThing())
                    .containsExactly(
                            new ShadowName("ghost", ""),
                            new ShadowName("nosuch", ""),
                            new ShadowName("nosuch", "config"));
        }
    }
}
