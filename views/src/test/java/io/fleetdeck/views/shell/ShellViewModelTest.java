package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.settings.WindowGeometry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    private final List<ConsoleSettings> saved = new ArrayList<>();
    private final ConsoleInfo info = new ConsoleInfo("/data/fleetdeck", "1.2.3", 8883);

    private ShellViewModel model(ConsoleSettings settings) {
        return new ShellViewModel(info, settings, saved::add);
    }

    @Test
    void opensOnTheFleetSectionInTheSavedTheme() {
        ShellViewModel model = model(new ConsoleSettings(Theme.LIGHT, null));

        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLEET);
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(model.windowTitleProperty().get()).isEqualTo("Fleetdeck \u2014 Fleet");
        assertThat(model.serviceStateProperty().get()).isEqualTo(ServiceState.STARTING);
    }

    @Test
    void ctrlDigitGoesToTheSectionInSidebarOrder() {
        ShellViewModel model = model(ConsoleSettings.defaults());

        assertThat(model.navigateToShortcut(7)).isTrue();
        assertThat(model.sectionProperty().get()).isEqualTo(Section.BROKER);
        assertThat(model.windowTitleProperty().get()).isEqualTo("Fleetdeck \u2014 Broker");

        assertThat(model.navigateToShortcut(8)).isTrue();
        assertThat(model.sectionProperty().get()).isEqualTo(Section.CERTIFICATES);
    }

    @Test
    void aDigitWithoutASectionLeavesTheSectionAlone() {
        ShellViewModel model = model(ConsoleSettings.defaults());
        model.navigate(Section.LAB);

        assertThat(model.navigateToShortcut(9)).isFalse();
        assertThat(model.navigateToShortcut(0)).isFalse();
        assertThat(model.sectionProperty().get()).isEqualTo(Section.LAB);
    }

    @Test
    void switchingTheThemeIsRememberedForTheNextStart() {
        ShellViewModel model = model(new ConsoleSettings(Theme.DARK, null));

        model.toggleTheme();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        model.toggleTheme();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);

        assertThat(saved).extracting(ConsoleSettings::theme).containsExactly(Theme.LIGHT, Theme.DARK);
    }

    @Test
    void theWindowPlaceIsRememberedWithoutLosingTheTheme() {
        ShellViewModel model = model(new ConsoleSettings(Theme.LIGHT, null));
        WindowGeometry place = new WindowGeometry(40, 30, 1400, 900, false);

        model.rememberWindow(place);

        assertThat(saved).containsExactly(new ConsoleSettings(Theme.LIGHT, place));
        assertThat(model.savedWindow()).contains(place);
    }

    @Test
    void anUnchangedWindowPlaceIsNotWrittenAgain() {
        WindowGeometry place = new WindowGeometry(0, 0, 1280, 800, true);
        ShellViewModel model = model(new ConsoleSettings(Theme.DARK, place));

        model.rememberWindow(place);

        assertThat(saved).isEmpty();
    }

    @Test
    void theStatusBarFollowsTheServices() {
        ShellViewModel model = model(ConsoleSettings.defaults());

        model.serviceStateChanged(ServiceState.RUNNING);

        assertThat(model.serviceStateProperty().get().label()).isEqualTo("Services running");
    }
}
