package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What only a server has: reaching it, failing to (with a message that says why and never shows the password), and
 * several Fleetdecks sharing one database. The store's behaviour on PostgreSQL is in every store test's PostgreSQL
 * variant.
 */
class PostgresStoreTest {

    private static final String SECRET = "s3cret-Passw0rd";

    @Test
    void aUrlNoDriverTakesSaysWhichUrlsTheStoreOpensAndNotThePassword() {
        assertRefusedWithoutSecret(() -> Database.open("jdbc:postgres://127.0.0.1/fleet?user=fleet&password=" + SECRET))
                .hasMessage("cannot open the database jdbc:postgres://127.0.0.1/fleet: no driver takes this URL; the"
                        + " store opens jdbc:sqlite:FILE and"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD");
    }

    @Test
    void aUrlTheDriverCannotParseIsQuotedWithoutThePassword() {
        assertRefusedWithoutSecret(
                        () -> Database.open("jdbc:postgresql://127.0.0.1:notaport/fleet?user=fleet&password=" + SECRET))
                .hasMessage("cannot open the database jdbc:postgresql://127.0.0.1:notaport/fleet: Unable to parse URL"
                        + " jdbc:postgresql://127.0.0.1:notaport/fleet");
    }

    @Test
    void anUnreachableServerIsNamedWithoutThePassword() throws IOException {
        int closed = closedPort();
        assertRefusedWithoutSecret(() ->
                        Database.open("jdbc:postgresql://127.0.0.1:" + closed + "/fleet?user=fleet&password=" + SECRET))
                .hasMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:" + closed + "/fleet: ")
                .hasMessageContaining("Connection to 127.0.0.1:" + closed + " refused");
    }

    @Test
    void aPasswordBeforeTheHostIsRefusedBeforeTheDriverLooksItUpAsAHostName() {
        assertRefusedWithoutSecret(() -> Database.open("jdbc:postgresql://fleet:" + SECRET + "@127.0.0.1:5432/fleet"))
                .hasMessage("cannot open the database jdbc:postgresql://fleet:***@127.0.0.1:5432/fleet: give the user"
                        + " and password as parameters, ?user=USER&password=PASSWORD (or in a .pgpass file), not"
                        + " before the host");
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedAndShowsNeitherPassword() {
        TestPostgres server = TestPostgres.shared();
        String database = server.createDatabase();
        assertRefusedWithoutSecret(() -> Database.open(server.url(database, TestPostgres.USER, SECRET)))
                .hasMessageStartingWith(
                        "cannot open the database jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database + ": ")
                .hasMessageContaining("password authentication failed for user \"" + TestPostgres.USER + "\"")
                .satisfies(e -> assertThat(printed(e)).doesNotContain(server.password()));
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamed() {
        TestPostgres server = TestPostgres.shared();
        assertRefusedWithoutSecret(() -> Database.open(server.url("no_such_database")))
                .hasMessageContaining("database \"no_such_database\" does not exist")
                .satisfies(e -> assertThat(printed(e)).doesNotContain(server.password()));
    }

    @Test
    void fleetdecksStartingTogetherOnAFreshDatabaseMigrateItOnce() throws Exception {
        String url = TestPostgres.shared().url(TestPostgres.shared().createDatabase());
        Callable<Integer> start = () -> {
            try (Database database = Database.open(url)) {
                return database.read(c -> single(c, "SELECT COUNT(*) FROM schema_version"));
            }
        };
        try (ExecutorService starting = Executors.newFixedThreadPool(3)) {
            List<Future<Integer>> started = starting.invokeAll(List.of(start, start, start));
            for (Future<Integer> each : started) {
                assertThat(each.get()).isEqualTo(Migrations.fromClassPath().latestVersion());
            }
        }
    }

    @Test
    void aWriteBasedOnWhatAnotherFleetdeckChangedMeanwhileFailsInsteadOfOverwritingIt() throws Exception {
        String url = TestPostgres.shared().url(TestPostgres.shared().createDatabase());
        try (Database first = Database.open(url);
                Database second = Database.open(url);
                ExecutorService background = Executors.newSingleThreadExecutor()) {
            first.write(c -> update(
                    c, "INSERT INTO thing (name, attributes, version, created_at)" + " VALUES ('pump-7', '{}', 1, 0)"));
            CountDownLatch firstHasRead = new CountDownLatch(1);
            CountDownLatch secondHasWritten = new CountDownLatch(1);
            Future<Integer> firstWrite = background.submit(() -> first.write(c -> {
                long version = single(c, "SELECT version FROM thing WHERE name = 'pump-7'");
                firstHasRead.countDown();
                await(secondHasWritten);
                return update(
                        c,
                        "UPDATE thing SET attributes = '{\"by\":\"first\"}', version = " + (version + 1)
                                + " WHERE name = 'pump-7'");
            }));
            await(firstHasRead);
            second.write(c -> update(
                    c, "UPDATE thing SET attributes = '{\"by\":\"second\"}', version = 2 WHERE name = 'pump-7'"));
            secondHasWritten.countDown();

            assertThatThrownBy(firstWrite::get)
                    .cause()
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("rolled back")
                    .hasMessageContaining("could not serialize access");
            int version = second.read(c -> single(c, "SELECT version FROM thing WHERE name = 'pump-7'"));
            assertThat(version).isEqualTo(2);
        }
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefusedWithoutSecret(
            ThrowingCallable opening) {
        return assertThatThrownBy(opening)
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(printed(e)).doesNotContain(SECRET));
    }

    /** Everything a log would show of it: messages, causes, stack. */
    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int single(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
