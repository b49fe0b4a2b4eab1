package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committer's promises, on a real store (SQLite and PostgreSQL): queued requests are applied in arrival order and answered only
 * after they are committed, several things share a commit, the per-thing limits refuse with 429, and a commit that
 * fails refuses its whole batch without leaving a phantom version behind.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowCommitterTest {

    private final StoreKind store;

    ShadowCommitterTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_795_000_000L), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Database database;
    private Shadows shadows;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        database = store.open(folder);
    }

    @AfterEach
    void close() {
        release.countDown();
        if (shadows != null) {
            shadows.close();
        }
        database.close();
    }

    /** Holds the store's writer lock, so the committer waits and requests queue up behind it. */
    private CompletableFuture<Void> holdTheStore() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> database.write(c -> {
            held.countDown();
            awaitRelease();
            return null;
        }));
        held.await();
        return holder;
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] report(int sequence) {
        return ("{\"state\":{\"reported\":{\"seq\":" + sequence + "}},\"clientToken\":\"" + sequence + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void queuedUpdatesOfManyThingsAreAppliedInArrivalOrderAndAnsweredAfterTheirCommit() throws Exception {
        shadows = new Shadows(database, CLOCK, ShadowLimits.awsDefaults());
        CompletableFuture<Void> holder = holdTheStore();
        List<CompletableFuture<Shadows.Updated>> answers = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            for (int thing = 0; thing < 100; thing++) {
                answers.add(shadows.submitUpdate("thing-" + thing, "", report(round)));
            }
        }
        await("nothing is answered before it is committed")
                .during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .until(() -> answers.stream().noneMatch(CompletableFuture::isDone));

        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < answers.size(); i++) {
            ObjectNode accepted = answers.get(i).get(5, TimeUnit.SECONDS).accepted();
            int round = i / 100 + 1;
            assertThat(accepted.path("version").asInt()).isEqualTo(round);
            assertThat(accepted.path("clientToken").asText()).isEqualTo(Integer.toString(round));
        }
        assertThat(shadows.get("thing-42", "", new byte[0])
                        .at("/state/reported/seq")
                        .asInt())
                .isEqualTo(5);
        assertThat(shadows.historySize("thing-42", "")).isEqualTo(5);
    }

    @Test
    void moreThanTenRequestsInFlightForOneThingAreRefusedWith429() throws Exception {
        shadows = new Shadows(database, CLOCK, ShadowLimits.awsDefaults());
        CompletableFuture<Void> holder = holdTheStore();
        List<CompletableFuture<Shadows.Updated>> answers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            answers.add(shadows.submitUpdate("busy-thing", "", report(i)));
        }
        CompletableFuture<Shadows.Updated> otherThing = shadows.submitUpdate("calm-thing", "", report(1));
        assertThat(refusal(answers.get(10))).isEqualTo("429 Too Many Requests");
        assertThat(refusal(answers.get(11))).isEqualTo("429 Too Many Requests");

        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            assertThat(answers.get(i)
                            .get(5, TimeUnit.SECONDS)
                            .accepted()
                            .path("version")
                            .asInt())
                    .isEqualTo(i + 1);
        }
        assertThat(otherThing
                        .get(5, TimeUnit.SECONDS)
                        .accepted()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(shadows.submitUpdate("busy-thing", "", report(13)).get(5, TimeUnit.SECONDS))
                .as("places are given back once answered")
                .isNotNull();
    }

    @Test
    void moreThanTwentyRequestsInOneSecondForOneThingAreRefusedWith429() throws Exception {
        Instant[] now = {Instant.ofEpochSecond(1_795_000_000L)};
        Clock settable = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        shadows = new Shadows(database, settable, ShadowLimits.awsDefaults());
        int accepted = 0;
        List<String> refusals = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            try {
                shadows.update("chatty-thing", "", report(i));
                accepted++;
            } catch (ShadowException e) {
                refusals.add(e.code() + " " + e.getMessage());
            }
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(refusals).hasSize(5).allMatch("429 Too Many Requests"::equals);
        now[0] = now[0].plusSeconds(1);
        assertThat(shadows.get("chatty-thing", "", new byte[0]).path("version").asInt())
                .as("a refused request changes nothing")
                .isEqualTo(20);
    }

    @Test
    void aFailedCommitRefusesItsBatchWith500AndLeavesNoPhantomVersion() throws Exception {
        shadows = new Shadows(database, CLOCK, ShadowLimits.awsDefaults());
        assertThat(shadows.update("pump-7", "", report(1))
                        .accepted()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE shadow_history RENAME TO shadow_history_away");
            }
            return null;
        });
        assertThatThrownBy(() -> shadows.update("pump-7", "", report(2)))
                .isInstanceOfSatisfying(
                        ShadowException.class,
                        e -> assertThat(e.code() + " " + e.getMessage()).isEqualTo("500 Internal service failure"));
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE shadow_history_away RENAME TO shadow_history");
            }
            return null;
        });
        ObjectNode next = shadows.update("pump-7", "", report(3)).accepted();
        assertThat(next.path("version").asInt())
                .as("the refused update's version was never committed, so it is not skipped either")
                .isEqualTo(2);
        assertThat(shadows.get("pump-7", "", new byte[0])
                        .at("/state/reported/seq")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void closingCommitsWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        shadows = new Shadows(database, CLOCK, ShadowLimits.awsDefaults());
        CompletableFuture<Void> holder = holdTheStore();
        CompletableFuture<Shadows.Updated> queued = shadows.submitUpdate("lamp-1", "", report(1));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(shadows::close);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        closed.get(15, TimeUnit.SECONDS);
        assertThat(queued.get().accepted().path("version").asInt()).isEqualTo(1);
        assertThat(refusal(shadows.submitUpdate("lamp-1", "", report(2)))).isEqualTo("503 Service unavailable");
        shadows = null;
    }

    private static String refusal(CompletableFuture<?> answer) throws InterruptedException {
        try {
            answer.get(5, TimeUnit.SECONDS);
            return "accepted";
        } catch (ExecutionException e) {
            ShadowException refused = (ShadowException) e.getCause();
            return refused.code() + " " + refused.getMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            return "still in flight";
        }
    }
}
