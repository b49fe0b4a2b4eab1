package io.fleetdeck.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.app.startup.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path temp;

    @Test
    void theLockFileNamesTheHolderAndIsGoneAfterClose() throws Exception {
        DataFolder folder = DataFolder.open(temp);

        try (DataFolderLock lock = DataFolderLock.acquire(folder)) {
            assertThat(folder.lockFile())
                    .hasContent(Long.toString(ProcessHandle.current().pid()));
        }

        assertThat(folder.lockFile()).doesNotExist();
    }

    @Test
    void aSecondHolderIsRefusedWithTheFirstOnesPid() throws Exception {
        DataFolder folder = DataFolder.open(temp);

        try (DataFolderLock first = DataFolderLock.acquire(folder)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(folder))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("data folder " + folder + " is in use by another Fleetdeck (PID "
                            + ProcessHandle.current().pid()
                            + "); stop that one or choose another folder with --data-dir");
            assertThat(folder.lockFile())
                    .as("the refused start leaves the holder's lock file alone")
                    .hasContent(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aLockFileLeftByACrashDoesNotBlockTheNextStart() throws Exception {
        DataFolder folder = DataFolder.open(temp);
        Files.writeString(folder.lockFile(), "999999\n");

        try (DataFolderLock lock = DataFolderLock.acquire(folder)) {
            assertThat(folder.lockFile())
                    .hasContent(Long.toString(ProcessHandle.current().pid()));
        }
    }
}
