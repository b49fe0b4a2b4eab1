package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.views.common.ViewTasks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 15, defect 14: the console lists the shadows AWS keeps for names no thing has, and follows them. */
class ShadowsWithoutAThingModelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FakeShadowsOfNames fleet = new FakeShadowsOfNames();
    /** Stands for the JavaFX thread: the model's state changes under it, and the test reads it under it. */
    private final Object fxThread = new Object();

    private final ShadowsWithoutAThingModel model =
            new ShadowsWithoutAThingModel(fleet, fleet, new ViewTasks(Runnable::run, command -> {
                synchronized (fxThread) {
                    command.run();
                }
            }));

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aShadowUpdatedForANameNoThingHasIsListedWithItsVersion() {
        fleet.register("pump-7");
        fleet.report("pump-7", "");
        fleet.report("nosuch", "");
        fleet.report("nosuch", "config");
        fleet.report("nosuch", "config");

        model.follow(fleet.events);

        assertThat(model.rows())
                .extracting(
                        ShadowWithoutAThing::thingName, ShadowWithoutAThing::shadowName, ShadowWithoutAThing::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nosuch", "", 1L),
                        org.assertj.core.groups.Tuple.tuple("nosuch", "config", 2L));
        assertThat(model.switchText().get()).isEqualTo("Shadows without a thing (2)");
    }

    @Test
    void aShadowThatAppearsLaterIsListedWithoutAReload() {
        model.follow(fleet.events);
        assertThat(model.rows()).isEmpty();

        fleet.report("ghost-3", "");

        await().atMost(PATIENCE).until(() -> names(model.rows()).equals(List.of("ghost-3")));
    }

    @Test
    void registeringTheThingTakesItsShadowsOffTheList() {
        fleet.report("nosuch", "");
        fleet.report("ghost-3", "");
        model.follow(fleet.events);
        assertThat(names(model.rows())).containsExactly("ghost-3", "nosuch");

        fleet.register("nosuch");
        fleet.events.publish(new io.fleetdeck.api.event.FleetEvent.ThingCreated("nosuch"));

        await().atMost(PATIENCE).until(() -> names(model.rows()).equals(List.of("ghost-3")));
    }

    @Test
    void theRegistryIsAskedOnceAboutAThingWhoseShadowKeepsChanging() {
        fleet.register("pump-7");
        model.follow(fleet.events);
        int readsBefore = fleet.wholeReads.get();

        for (int i = 0; i < 20; i++) {
            fleet.report("pump-7", "");
        }
        fleet.report("ghost-3", "");

        await().atMost(PATIENCE).until(() -> names(model.rows()).equals(List.of("ghost-3")));
        assertThat(fleet.registryLookups.get()).isLessThanOrEqualTo(2);
        // the registered thing's commits never made the list be read again; the new name did, once or twice
        assertThat(fleet.wholeReads.get() - readsBefore).isBetween(1, 2);
    }

    @Test
    void theSelectedShadowShowsItsStateAndItsThingCanBeCreated() {
        fleet.report("nosuch", "");
        model.follow(fleet.events);
        ShadowWithoutAThing row = model.rows().getFirst();

        model.select(row);
        assertThat(model.documentProperty().get()).contains("\"battery\" : 99").doesNotContain("metadata");

        List<String> created = new CopyOnWriteArrayList<>();
        model.createThing("nosuch", created::add);

        assertThat(created).containsExactly("nosuch");
        await().atMost(PATIENCE).until(() -> names(model.rows()).isEmpty());
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.switchText().get()).isEqualTo("Shadows without a thing (0)");
    }

    @Test
    void creatingAThingThatExistsMeanwhileSaysSoInTheServicesWords() {
        fleet.report("nosuch", "");
        model.follow(fleet.events);
        fleet.register("nosuch");

        model.createThing("nosuch", name -> {});

        assertThat(model.problemProperty().get()).isEqualTo("thing nosuch already exists");
    }

    private List<String> names(List<ShadowWithoutAThing> rows) {
        synchronized (fxThread) {
            return rows.stream().map(ShadowWithoutAThing::thingName).toList();
        }
    }
}
