package io.fleetdeck.views.shell;

import atlantafx.base.theme.Styles;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.FindRequest;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.settings.Theme;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The console's main window: a header with the section title and the theme switch, the sidebar of sections, the
 * section's content and the status bar. Built and used on the JavaFX thread only.
 */
public final class ConsoleWindow {

    /** Ctrl+Shift+L switches between the light and the dark theme. */
    public static final KeyCombination TOGGLE_THEME =
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Ctrl+F puts the keyboard in the section's search. */
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private static final String STYLESHEET = Objects.requireNonNull(
                    ConsoleWindow.class.getResource("/io/fleetdeck/views/console.css"))
            .toExternalForm();

    private static final List<Image> APP_ICONS = IntStream.of(16, 32, 48, 64, 128, 256)
            .mapToObj(size -> new Image(Objects.requireNonNull(
                            ConsoleWindow.class.getResource("/io/fleetdeck/views/icons/fleetdeck-" + size + ".png"))
                    .toExternalForm()))
            .toList();

    private final Stage stage;
    private final ShellViewModel model;
    private final Map<Section, Node> sectionViews = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final Map<Section, Supplier<Node>> builtSections;

    public ConsoleWindow(Stage stage, ShellViewModel model) {
        this(stage, model, Map.of());
    }

    /**
     * @param builtSections the sections whose capability exists, each with the factory of its view; every other
     *     section shows what will be there
     */
    public ConsoleWindow(Stage stage, ShellViewModel model, Map<Section, Supplier<Node>> builtSections) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.model = Objects.requireNonNull(model, "model");
        this.builtSections = Map.copyOf(builtSections);

        Sidebar sidebar = new Sidebar(model);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("console");
        root.setLeft(sidebarColumn(sidebar));
        root.setCenter(new VBox(header(), content));
        root.setBottom(new StatusBar(model).node());
        VBox.setVgrow(content, Priority.ALWAYS);
        content.getStyleClass().add("section-content");

        Shortcuts shortcuts = shortcuts();
        Scene scene = new Scene(new StackPane(root, new ShortcutsOverlay(model, shortcuts).node()));
        scene.getStylesheets().add(STYLESHEET);
        shortcuts.installOn(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.windowTitleProperty());
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        stage.getIcons().setAll(APP_ICONS);

        model.themeProperty().subscribe(ThemeStylesheets::apply);
        model.sectionProperty().subscribe(this::showSection);
        sidebar.node().requestFocus();
    }

    /** Places the window where it was last closed (or centred on first start) and shows it. */
    public void show() {
        WindowPlacement.restore(stage, model.savedWindow());
        stage.show();
    }

    /** Runs {@code action} instead of closing when the user closes the window, so the application shuts down. */
    public void onCloseRequest(Runnable action) {
        stage.setOnCloseRequest(event -> {
            event.consume();
            action.run();
        });
    }

    /** Remembers where the window is, then closes it. */
    public void close() {
        if (stage.isShowing()) {
            model.rememberWindow(WindowPlacement.capture(stage));
        }
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    private Node sidebarColumn(Sidebar sidebar) {
        Label brand = new Label("Fleetdeck");
        brand.getStyleClass().add("brand");
        FontIcon logo = new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ACCESS_POINT_NETWORK);
        logo.getStyleClass().add("brand-icon");
        brand.setGraphic(logo);
        VBox column = new VBox(brand, sidebar.node());
        column.getStyleClass().add("sidebar-column");
        VBox.setVgrow(sidebar.node(), Priority.ALWAYS);
        return column;
    }

    private Node header() {
        Label title = new Label();
        title.setId("section-title");
        title.getStyleClass().addAll(Styles.TITLE_3, "section-title");
        title.textProperty().bind(model.sectionProperty().map(Section::title));

        Button themeToggle = new Button();
        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.graphicProperty().bind(model.themeProperty().map(ConsoleWindow::themeIcon));
        themeToggle
                .tooltipProperty()
                .bind(model.themeProperty()
                        .map(t -> new Tooltip(
                                Texts.get("shell.theme.tooltip", themeToggleText(t), Texts.get("shell.keys.theme")))));
        themeToggle.accessibleTextProperty().bind(model.themeProperty().map(ConsoleWindow::themeToggleText));
        themeToggle.setOnAction(event -> model.toggleTheme());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, themeToggle);
        header.getStyleClass().add("section-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static Node themeIcon(Theme theme) {
        return new FontIcon(theme == Theme.DARK ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT);
    }

    private static String themeToggleText(Theme current) {
        return current == Theme.DARK ? Texts.get("shell.theme.toLight") : Texts.get("shell.theme.toDark");
    }

    private Shortcuts shortcuts() {
        Shortcuts shortcuts = new Shortcuts();
        for (Section section : Section.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + section.shortcutDigit());
            shortcuts.add(
                    Texts.get("shell.keys.section", section.shortcutDigit()),
                    Texts.get("shell.shortcut.goTo", section.title()),
                    () -> model.navigate(section),
                    Shortcuts.ctrl(digit),
                    Shortcuts.ctrl(KeyCode.valueOf("NUMPAD" + section.shortcutDigit())));
        }
        shortcuts.add(Texts.get("shell.keys.find"), Texts.get("shell.shortcut.find"), this::find, FIND);
        shortcuts.add(
                Texts.get("shell.keys.theme"), Texts.get("shell.shortcut.theme"), model::toggleTheme, TOGGLE_THEME);
        shortcuts.add(
                Texts.get("shell.keys.help"),
                Texts.get("shell.shortcut.help"),
                model::toggleShortcuts,
                Shortcuts.key(KeyCode.F1),
                Shortcuts.ctrl(KeyCode.SLASH),
                Shortcuts.ctrl(KeyCode.DIVIDE));
        shortcuts.describe(Texts.get("shell.keys.escape"), Texts.get("shell.shortcut.escape"));
        shortcuts.describe(Texts.get("shell.keys.suggest"), Texts.get("shell.shortcut.suggest"));
        shortcuts.describe(Texts.get("shell.keys.enter"), Texts.get("shell.shortcut.enter"));
        shortcuts.describe(Texts.get("shell.keys.tab"), Texts.get("shell.shortcut.tab"));
        shortcuts.describe(Texts.get("shell.keys.closeTab"), Texts.get("shell.shortcut.closeTab"));
        return shortcuts;
    }

    /** Ctrl+F: the shown section's own search when it has one, else the Fleet's query bar. */
    private void find() {
        model.closeShortcuts();
        if (fireFind(model.sectionProperty().get())) {
            return;
        }
        model.navigate(Section.FLEET);
        fireFind(Section.FLEET);
    }

    private boolean fireFind(Section section) {
        Node shown = sectionViews.get(section);
        if (shown == null || !builtSections.containsKey(section)) {
            return false;
        }
        FindRequest request = new FindRequest();
        shown.fireEvent(request);
        return request.isTaken();
    }

    private void showSection(Section section) {
        content.getChildren().setAll(sectionViews.computeIfAbsent(section, this::viewOf));
    }

    private Node viewOf(Section section) {
        Supplier<Node> built = builtSections.get(section);
        return built == null ? notYetBuilt(section) : built.get();
    }

    /** Sections whose capability has not landed say what will be there; later issues replace these one by one. */
    private static Node notYetBuilt(Section section) {
        EmptyState state = new EmptyState(
                SectionIcons.of(section),
                Texts.get("shell.notBuilt.headline"),
                section.purpose(),
                Texts.get("shell.notBuilt.footnote", section.arrivesWith()));
        state.setId("empty-" + section.name().toLowerCase(java.util.Locale.ROOT));
        return state;
    }
}
