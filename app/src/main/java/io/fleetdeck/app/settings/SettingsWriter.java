package io.fleetdeck.app.settings;

import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.ConsoleSettingsStore;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves settings for the console without blocking the JavaFX thread: writes run in order on one virtual thread.
 * {@link #close()} waits for the last write, so settings saved at shutdown are on disk before the process ends.
 */
public final class SettingsWriter implements ConsoleSettingsStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettingsWriter.class);

    private final SettingsFile file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("settings-writer").factory());

    public SettingsWriter(SettingsFile file) {
        this.file = file;
    }

    @Override
    public void save(ConsoleSettings settings) {
        writer.execute(() -> {
            try {
                file.save(settings);
            } catch (IOException e) {
                log.warn("Could not save the console settings: {}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        writer.close();
    }
}
