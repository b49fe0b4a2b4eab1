package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real fleetdeck speaks the user's language: German help and errors under a German locale, English otherwise. */
class LocaleCliIT {

    @TempDir
    Path data;

    @Test
    void whatACommandDidIsSaidInGermanForAGermanUser() throws Exception {
        assertThat(germanOn("thing", "list")).containsExactly("keine Objekte");
        assertThat(germanOn("thing", "create", "pump-7", "--attr", "model=P100"))
                .containsExactly("Objekt pump-7 Version 1");
        assertThat(germanOn("thing", "list"))
                .containsExactly(
                        "NAME    TYP  VERSION  GRUPPEN  ATTRIBUTE", "pump-7  -    1        -        model=P100");
        assertThat(germanOn("group", "create-dynamic", "p100", "attributes.model:P100"))
                .containsExactly("dynamische Gruppe p100: 1 Objekt passt auf attributes.model:P100 (ACTIVE)");
        assertThat(germanOn("thing", "delete", "pump-7")).containsExactly("Objekt pump-7 gelöscht");
    }

    /** stdout of a German command on the test's data folder, which must succeed. */
    private List<String> germanOn(String... args) throws Exception {
        String[] withFolder = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", data.toString()))
                .toArray(String[]::new);
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.startInGerman(withFolder)) {
            assertThat(fleetdeck.awaitExit())
                    .as("exit code; stderr %s", fleetdeck.stderr())
                    .isZero();
            return fleetdeck.stdout();
        }
    }

    @Test
    void theHelpOfACommandIsGermanForAGermanUser() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.startInGerman("thing", "--help")) {
            assertThat(fleetdeck.awaitExit()).isZero();
            assertThat(String.join("\n", fleetdeck.stdout()))
                    .startsWith("Aufruf: fleetdeck thing")
                    .contains("Objekte in der Registry anlegen, auflisten, beschreiben und löschen.")
                    .contains("  -h, --help      Zeigt diese Hilfe mit Beispielen und beendet.")
                    .contains("Befehle:\n  create    Legt ein Objekt an, wahlweise mit Typ, Attributen und in Gruppen.")
                    .contains("Beispiele:\n  fleetdeck thing create pump-7 --attr model=P100 --group floor-1");
        }
    }

    @Test
    void theHelpOfACommandIsEnglishOtherwise() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("thing", "--help")) {
            assertThat(fleetdeck.awaitExit()).isZero();
            assertThat(String.join("\n", fleetdeck.stdout()))
                    .startsWith("Usage: fleetdeck thing [-h] [--verbose] [COMMAND]\n"
                            + "Create, list, describe and delete things in the registry.\n"
                            + "  -h, --help      Show this help, with examples, and exit.")
                    .contains("Commands:\n  create    Create a thing, optionally typed, with attributes and in groups.")
                    .contains("Examples:\n  fleetdeck thing create pump-7 --attr model=P100 --group floor-1");
        }
    }

    @Test
    void aMistypedCommandIsNamedInGermanForAGermanUser() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.startInGerman("thnig", "list")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly("fleetdeck: unbekannter Befehl 'thnig'; meinten Sie 'fleetdeck thing'?"
                            + " (siehe 'fleetdeck --help')");
        }
    }

    @Test
    void aMistypedCommandIsNamedInEnglishOtherwise() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("thnig", "list")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly("fleetdeck: unknown command 'thnig'; did you mean 'fleetdeck thing'?"
                            + " (see 'fleetdeck --help')");
        }
    }

    /** picocli's own words for bad input, German for a German user (issue 15, translations). */
    @Test
    void badInputIsRefusedInGermanForAGermanUser() throws Exception {
        assertThat(germanRefusal("thing", "create"))
                .isEqualTo("fleetdeck: Pflichtparameter fehlt: 'NAME' (siehe 'fleetdeck thing create --help')");
        assertThat(germanRefusal("thing", "list", "--frob"))
                .isEqualTo("fleetdeck: Unbekannte Option: '--frob' (siehe 'fleetdeck thing list --help')");
        assertThat(germanRefusal("serve", "--mqtts-port", "abc"))
                .isEqualTo("fleetdeck: Ungültiger Wert für die Option '--mqtts-port': 'abc' ist keine ganze Zahl"
                        + " (siehe 'fleetdeck serve --help')");
    }

    @Test
    void badInputIsRefusedInPicocliSOwnEnglishOtherwise() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("thing", "create")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly(
                            "fleetdeck: Missing required parameter: 'NAME' (see 'fleetdeck thing create --help')");
        }
    }

    /** The one line a German user reads on stderr for bad input; the exit code is 2. */
    private static String germanRefusal(String... args) throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.startInGerman(args)) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr()).hasSize(1);
            return fleetdeck.stderr().getFirst();
        }
    }
}
