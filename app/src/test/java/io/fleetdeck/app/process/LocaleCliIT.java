package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The real fleetdeck speaks the user's language: German help and errors under a German locale, English otherwise. */
class LocaleCliIT {

    @Test
    void theHelpOfACommandIsGermanForAGermanUser() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.startInGerman("thing", "--help")) {
            assertThat(fleetdeck.awaitExit()).isZero();
            assertThat(String.join("\n", fleetdeck.stdout()))
                    .startsWith("Aufruf: fleetdeck thing")
                    .contains("Things in der Registry anlegen, auflisten, beschreiben und löschen.")
                    .contains("  -h, --help      Zeigt diese Hilfe mit Beispielen und beendet.")
                    .contains("Befehle:\n  create    Legt ein Thing an, wahlweise mit Typ, Attributen und in Gruppen.")
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
}
