package io.fleetdeck.views.shell;

import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.ConsoleSettingsStore;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.settings.WindowGeometry;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Presentation state of the console shell: which section is shown, the theme, and the status bar's facts. State
 * changes only through the command methods; every change a user would expect to survive a restart goes to the
 * {@link ConsoleSettingsStore}. Owned by the JavaFX thread: call it only there.
 */
public final class ShellViewModel {

    private final ConsoleInfo info;
    private final ConsoleMemory memory;

    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.FLEET);
    private final ReadOnlyObjectWrapper<Theme> theme;
    private final ReadOnlyObjectWrapper<ServiceState> serviceState = new ReadOnlyObjectWrapper<>(ServiceState.STARTING);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper shortcutsShown = new ReadOnlyBooleanWrapper();

    public ShellViewModel(ConsoleInfo info, ConsoleSettings settings, ConsoleSettingsStore store) {
        this(info, new ConsoleMemory(settings, store));
    }

    /** With settings shared with other parts of the window, which change them too. */
    public ShellViewModel(ConsoleInfo info, ConsoleMemory memory) {
        this.info = Objects.requireNonNull(info, "info");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.theme = new ReadOnlyObjectWrapper<>(memory.settings().theme());
        windowTitle.bind(section.map(s -> Texts.get("shell.window.title", s.title())));
    }

    public void navigate(Section target) {
        section.set(Objects.requireNonNull(target, "target"));
    }

    /** Ctrl+digit: goes to the section with that digit; returns false for a digit that has no section. */
    public boolean navigateToShortcut(int digit) {
        Optional<Section> target = Section.forShortcutDigit(digit);
        target.ifPresent(this::navigate);
        return target.isPresent();
    }

    /** F1 or Ctrl+/: the list of every shortcut; pressed again, it closes. */
    public void toggleShortcuts() {
        shortcutsShown.set(!shortcutsShown.get());
    }

    public void closeShortcuts() {
        shortcutsShown.set(false);
    }

    public void toggleTheme() {
        Theme next = theme.get().other();
        theme.set(next);
        memory.change(settings -> settings.withTheme(next));
    }

    public void serviceStateChanged(ServiceState state) {
        serviceState.set(Objects.requireNonNull(state, "state"));
    }

    /** Called as the window closes, so the next start opens it where the user left it. */
    public void rememberWindow(WindowGeometry geometry) {
        memory.change(settings -> settings.withWindow(geometry));
    }

    public Optional<WindowGeometry> savedWindow() {
        return memory.settings().savedWindow();
    }

    public ConsoleInfo info() {
        return info;
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServiceState> serviceStateProperty() {
        return serviceState.getReadOnlyProperty();
    }

    /** Whether the shortcuts overlay is shown. */
    public ReadOnlyBooleanProperty shortcutsShownProperty() {
        return shortcutsShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }
}
