package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: reads (the index, the views, the CLI) no longer wait behind the writer. While a write transaction is open
 * a read answers at once, from the last commit; once the write commits, the next read sees it.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ReadBesideWriteTest {

    private final StoreKind store;
    // its own threads: the common pool may have only one on a 2-core machine, and the writer blocks it
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @TempDir
    Path folder;

    ReadBesideWriteTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @Test
    void aReadAnswersFromTheLastCommitWhileAWriteIsOpen() throws Exception {
        try (Database database = store.open(folder)) {
            database.write(c -> Jdbc.update(c, "CREATE TABLE meter_readings (v INTEGER)"));
            database.write(c -> Jdbc.update(c, "INSERT INTO meter_readings (v) VALUES (1)"));
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch mayCommit = new CountDownLatch(1);
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(
                    () -> database.write(c -> {
                        int rows = Jdbc.update(c, "INSERT INTO meter_readings (v) VALUES (2)");
                        inserted.countDown();
                        await(mayCommit);
                        return rows;
                    }),
                    threads);
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<List<Integer>> read = CompletableFuture.supplyAsync(() -> readings(database), threads);

            // the writer is held open until this read has answered: waiting behind it would never end
            assertThat(read.get(10, TimeUnit.SECONDS))
                    .as("the last commit, not the open write")
                    .containsExactly(1);
            mayCommit.countDown();
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(readings(database)).as("once committed").containsExactly(1, 2);
        }
    }

    @Test
    void aReadInsideAWriteSeesTheWritesOwnChanges() {
        try (Database database = store.open(folder)) {
            database.write(c -> Jdbc.update(c, "CREATE TABLE meter_readings (v INTEGER)"));

            List<Integer> seen = database.write(c -> {
                Jdbc.update(c, "INSERT INTO meter_readings (v) VALUES (7)");
                return readings(database);
            });

            assertThat(seen).containsExactly(7);
        }
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static List<Integer> readings(Database database) {
        return database.read(c -> Jdbc.query(c, "SELECT v FROM meter_readings ORDER BY v", r -> r.getInt(1)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the write commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
