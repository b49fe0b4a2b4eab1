package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void shadowsWithoutAThingAreListedByThingAndShadowNameWithTheirVersionAndLastUpdate() throws Exception {
        Instant now = Instant.parse("2026-12-07T21:30:00Z");
        try (Database database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
                Shadows store = new Shadows(database, Clock.fixed(now, ZoneOffset.UTC), ShadowLimits.awsDefaults())) {
            Registry registry = new Registry(database, Clock.systemUTC());
            ShadowService shadows = new LocalShadows(store, () -> null, registry::thingNames);
            registry.createThing("pump-7", null, Map.of());

            shadows.updateThingShadow("pump-7", "", REPORTED);
            shadows.updateThingShadow("nosuch", "", REPORTED);
            shadows.updateThingShadow("nosuch", "config", REPORTED);
            shadows.updateThingShadow("nosuch", "config", "{\"state\":{\"reported\":{\"battery\":79}}}");
            shadows.updateThingShadow("ghost", "", REPORTED);

            assertThat(shadows.shadowsWithoutAThing())
                    .containsExactly(
                            new ShadowWithoutAThing("ghost", "", 1, now),
                            new ShadowWithoutAThing("nosuch", "", 1, now),
                            new ShadowWithoutAThing("nosuch", "config", 2, now));
        }
    }
}
