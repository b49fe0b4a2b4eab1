package io.fleetdeck.views.certificates;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** Asks where to save files; the desktop's folder chooser, replaced in tests. */
@FunctionalInterface
interface FolderPicker {

    Optional<Path> pick(@Nullable Window owner, String title);

    static FolderPicker directoryChooser() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File chosen = chooser.showDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
