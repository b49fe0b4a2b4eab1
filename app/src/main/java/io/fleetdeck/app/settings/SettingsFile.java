package io.fleetdeck.app.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.input.BoundedFiles;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.FleetLayout;
import io.fleetdeck.views.settings.SavedQuery;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.settings.WindowGeometry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The console's settings as JSON in the data folder ({@code settings.json}). A file that cannot be read is moved
 * aside, never overwritten, so whatever it held can still be recovered by hand. Writes replace the file atomically.
 */
public final class SettingsFile {

    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Settings are a few KB; 1 MiB is far beyond any this console writes, and bounds a wrong file or a FIFO. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a newer Fleetdeck may add keys; an older one still starts on that file
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;
    private final Clock clock;

    public SettingsFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The saved settings, the defaults when there is no file yet. */
    public ConsoleSettings load() throws StartupException {
        byte[] content;
        try {
            content = BoundedFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException firstStart) {
            return ConsoleSettings.defaults();
        } catch (BoundedFiles.TooLargeException notOurs) {
            // no file this console wrote is near this size: treat it as corrupt, like unreadable JSON
            throw corrupt(new IOException("it is larger than " + BoundedFiles.describe(MAX_BYTES)));
        } catch (IOException e) {
            throw new StartupException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
        try {
            StoredSettings stored = json.readValue(content, StoredSettings.class);
            if (stored == null) {
                throw new IllegalArgumentException("it holds JSON null instead of an object");
            }
            return stored.toSettings();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw corrupt(e);
        }
    }

    public void save(ConsoleSettings settings) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temporary.toFile(), StoredSettings.of(settings));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private StartupException corrupt(Exception problem) {
        String what = "settings file " + file + " is not valid (" + describe(problem) + ")";
        Path aside;
        try {
            aside = moveAside();
        } catch (IOException e) {
            return new StartupException(what + " and could not be moved aside: " + e.getMessage(), problem);
        }
        return new StartupException(
                what + "; moved it to " + aside + ", start again to use the default settings", problem);
    }

    /** Moves the file to {@code settings.json.corrupt-<UTC time>}, numbering it when that name is taken. */
    private Path moveAside() throws IOException {
        String base = file.getFileName() + ".corrupt-" + SUFFIX.format(clock.instant());
        for (int copy = 1; ; copy++) {
            Path aside = file.resolveSibling(copy == 1 ? base : base + "-" + copy);
            try {
                return Files.move(file, aside);
            } catch (FileAlreadyExistsException taken) {
                // an earlier corrupt file from the same second; try the next number
            }
        }
    }

    private static String describe(Exception problem) {
        if (problem instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            String message = jpe.getOriginalMessage().lines().findFirst().orElse("unreadable JSON");
            return at == null ? message : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
        }
        return problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
    }

    /**
     * The file's shape, kept apart from the view's records so the format stays stable as they evolve. Keys added
     * later are missing from older files and read as empty.
     */
    record StoredSettings(
            Theme theme,
            @Nullable StoredWindow window,
            List<String> recentQueries,
            List<StoredQuery> savedQueries,
            @Nullable StoredFleetLayout fleetLayout) {

        static StoredSettings of(ConsoleSettings settings) {
            return new StoredSettings(
                    settings.theme(),
                    settings.savedWindow().map(StoredWindow::of).orElse(null),
                    settings.recentQueries(),
                    settings.savedQueries().stream().map(StoredQuery::of).toList(),
                    StoredFleetLayout.of(settings.fleetLayout()));
        }

        ConsoleSettings toSettings() {
            ConsoleSettings defaults = ConsoleSettings.defaults();
            return new ConsoleSettings(
                    theme == null ? defaults.theme() : theme,
                    window == null ? null : window.toGeometry(),
                    recentQueries == null
                            ? List.of()
                            : recentQueries.stream()
                                    .filter(query -> query != null && !query.isBlank())
                                    .toList(),
                    savedQueries == null
                            ? List.of()
                            : savedQueries.stream()
                                    .filter(StoredQuery::isComplete)
                                    .map(StoredQuery::toSavedQuery)
                                    .toList(),
                    fleetLayout == null ? FleetLayout.defaults() : fleetLayout.toLayout());
        }
    }

    /** The Fleet section's Aggregations panel and hidden columns; a file from before them reads as the defaults. */
    record StoredFleetLayout(
            @Nullable Boolean aggregationsOpen, @Nullable Double aggregationsWidth, List<String> hiddenColumns) {

        static StoredFleetLayout of(FleetLayout layout) {
            return new StoredFleetLayout(layout.aggregationsOpen(), layout.aggregationsWidth(), layout.hiddenColumns());
        }

        FleetLayout toLayout() {
            FleetLayout defaults = FleetLayout.defaults();
            return new FleetLayout(
                    aggregationsOpen == null ? defaults.aggregationsOpen() : aggregationsOpen,
                    aggregationsWidth == null ? defaults.aggregationsWidth() : aggregationsWidth,
                    hiddenColumns == null
                            ? List.of()
                            : hiddenColumns.stream()
                                    .filter(name -> name != null)
                                    .toList());
        }
    }

    record StoredQuery(String name, String query) {

        static StoredQuery of(SavedQuery saved) {
            return new StoredQuery(saved.name(), saved.query());
        }

        /** A hand-edited entry without a name or a query is dropped rather than refusing the whole file. */
        boolean isComplete() {
            return name != null && !name.isBlank() && query != null && !query.isBlank();
        }

        SavedQuery toSavedQuery() {
            return new SavedQuery(name, query);
        }
    }

    record StoredWindow(double x, double y, double width, double height, boolean maximized) {

        static StoredWindow of(WindowGeometry g) {
            return new StoredWindow(g.x(), g.y(), g.width(), g.height(), g.maximized());
        }

        WindowGeometry toGeometry() {
            return new WindowGeometry(x, y, width, height, maximized);
        }
    }
}
