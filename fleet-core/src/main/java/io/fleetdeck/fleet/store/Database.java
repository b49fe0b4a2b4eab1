package io.fleetdeck.fleet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store, reached through plain JDBC so that the same code runs on the SQLite file a desktop install keeps
 * and on a PostgreSQL server a team shares: only the JDBC URL differs. Opening it brings the schema up to date.
 *
 * <p>Writes go through one connection under one lock, because SQLite admits one writer at a time anyway and a single
 * writer keeps transactions easy to reason about. Reads go through connections of their own (see
 * {@link ReadConnections}), so they do not wait behind the writer; where the file cannot be shared (a full disk, a
 * read-only folder) or the database lives in memory, they share the writer's connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String product;
    /** Where to reach a server store again after its connection is lost; null for an SQLite file. */
    private final @Nullable String serverUrl;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}: replaced when a server's connection was lost (the server restarted, say). */
    private Connection connection;
    /** Guarded by {@link #lock}: the connection is gone; the next request connects again. */
    private boolean lost;

    private volatile Supplier<String> writeRefusal = () -> null;

    /** Null where reads share the writer's connection; set once the schema is up to date. */
    private volatile @Nullable ReadConnections readers;

    private Database(Connection connection, String product, @Nullable String serverUrl) {
        this.connection = connection;
        this.product = product;
        this.serverUrl = serverUrl;
    }

    /** The usual desktop store; the folder is created because on a first run the data directory may not exist yet. */
    public static Database sqliteFile(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the database " + absolute, e);
        }
        String url = "jdbc:sqlite:" + absolute;
        try {
            return open(url, SqliteMode.SHARED);
        } catch (StoreException e) {
            if (!noRoomForSharedMemory(e)) {
                throw e;
            }
            if (!Files.isWritable(absolute.getParent()) && !hasLog(absolute)) {
                // A read-only folder: no -shm, no -wal and no lock can be made, so SQLite reads the file as immutable
                // (no locking at all; sqlite.org/uri.html). Only a file with no write-ahead log waiting: it holds every
                // commit then, and nothing can write it through this folder.
                LOG.warn("{} is read-only: the store is opened for reading only", absolute.getParent());
                return open("jdbc:sqlite:file:" + absolute + "?immutable=1", SqliteMode.IMMUTABLE);
            }
            // A full disk has no room for the -shm file that WAL shares between processes.
            // In EXCLUSIVE locking mode SQLite keeps that index in this process's memory instead (sqlite.org/wal.html
            // §8), so reading, and writing once space returns, still work; the data folder's lock already keeps
            // every other Fleetdeck out. Other readers (a backup) must wait for this process to stop.
            LOG.warn(
                    "No room for the database's shared-memory file next to {} ({}): it is opened for this process alone",
                    absolute,
                    e.getMessage());
            return open(url, SqliteMode.EXCLUSIVE);
        }
    }

    /** How an SQLite file is opened: shared with other processes (the usual), for this process alone, or read-only. */
    private enum SqliteMode {
        SHARED,
        EXCLUSIVE,
        IMMUTABLE
    }

    /** A write-ahead log with frames in it: commits that are not in the main file yet. */
    private static boolean hasLog(Path database) {
        Path log = database.resolveSibling(database.getFileName() + "-wal");
        try {
            return Files.exists(log) && Files.size(log) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** SQLite could not make or grow its {@code -shm} file, or any file: the disk is full or the folder read-only. */
    private static boolean noRoomForSharedMemory(StoreException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null
                    && (message.contains("SQLITE_IOERR_SHM")
                            || message.contains("SQLITE_FULL")
                            || message.contains("SQLITE_READONLY")
                            || message.contains("SQLITE_CANTOPEN"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens the store at a JDBC URL: {@code jdbc:sqlite:FILE}, or {@code jdbc:postgresql://HOST[:PORT]/DATABASE} with
     * {@code user} and {@code password} parameters (or a {@code .pgpass} file). The schema is created or brought up to
     * date before this returns; failures are a {@link StoreException} whose message never includes the password.
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, SqliteMode.SHARED);
    }

    private static Database open(String jdbcUrl, SqliteMode sqliteMode) {
        JdbcUrls.refuseCredentialsBeforeTheHost(jdbcUrl);
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot open the database " + withoutParameters(jdbcUrl) + ": " + whyNotConnected(e, jdbcUrl),
                    JdbcUrls.scrubbed(e, jdbcUrl));
        }
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            switch (SqlDialect.of(product)) {
                case SQLITE -> tuneSqlite(connection, sqliteMode);
                case POSTGRESQL -> SqlDialect.preparePostgresql(connection);
            }
            Database database =
                    new Database(connection, product, SqlDialect.of(product) == SqlDialect.POSTGRESQL ? jdbcUrl : null);
            Migrations.fromClassPath().applyTo(database);
            database.readers = readersFor(jdbcUrl, SqlDialect.of(product), sqliteMode);
            return database;
        } catch (SQLException | RuntimeException e) {
            closeAfterFailure(connection, e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException(
                    "cannot prepare the database " + withoutParameters(jdbcUrl) + ": "
                            + JdbcUrls.scrub(e.getMessage(), jdbcUrl),
                    e);
        }
    }

    /** Readers beside the writer: three for an SQLite file shared as usual, a pool of four on PostgreSQL. */
    private static @Nullable ReadConnections readersFor(String jdbcUrl, SqlDialect dialect, SqliteMode sqliteMode)
            throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> ReadConnections.postgresql(jdbcUrl, 4);
            case SQLITE ->
                sqliteMode == SqliteMode.SHARED && !jdbcUrl.contains(":memory:") && !jdbcUrl.contains("mode=memory")
                        ? ReadConnections.sqlite(jdbcUrl, 3)
                        : null;
        };
    }

    private static @Nullable String whyNotConnected(SQLException e, String jdbcUrl) {
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return "no driver takes this URL; the store opens jdbc:sqlite:FILE"
                    + " and jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD";
        }
        return JdbcUrls.scrub(e.getMessage(), jdbcUrl);
    }

    /**
     * WAL lets readers in other processes (a CLI, a backup) see the file while the console writes; FULL
     * synchronisation makes every commit wait for the disk, because an accepted shadow update must survive a power
     * cut and not only a crash (NORMAL under WAL may lose the last commits then) — writers commit in groups to keep
     * that fast; foreign keys are off in SQLite unless asked for; the
     * busy timeout waits out another process's write instead of failing at once. These must run outside a
     * transaction, which is why they come before anything else.
     */
    private static void tuneSqlite(Connection connection, SqliteMode mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (mode == SqliteMode.IMMUTABLE) {
                statement.execute("PRAGMA foreign_keys=ON");
                return; // nothing is written: the journal mode and syncing do not apply
            }
            if (mode == SqliteMode.EXCLUSIVE) {
                // before the first access in WAL mode, so that no -shm file is ever needed (sqlite.org/wal.html §8)
                statement.execute("PRAGMA locking_mode=EXCLUSIVE");
            }
            try (ResultSet answer = statement.executeQuery("PRAGMA journal_mode=WAL")) {
                String journalMode = answer.next() ? answer.getString(1) : "unknown";
                if (!"wal".equalsIgnoreCase(journalMode)) {
                    // An in-memory database answers "memory": harmless, but worth knowing about for a file.
                    LOG.warn("SQLite kept journal mode {} instead of WAL", journalMode);
                }
            }
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
            statement.execute("PRAGMA synchronous=FULL");
        }
    }

    /**
     * Asks {@code refusal} about every write: while it gives a reason (such as a full disk), a transaction that changed
     * something is rolled back instead of committed and fails with a {@link StoreException} carrying the reason; one
     * that only read (a batch of shadow gets) goes through. Null lets everything through. SQLite only, which counts
     * the rows a connection changed; a server store has its own disk.
     */
    public void refuseWritesWhen(Supplier<String> refusal) {
        if (SqlDialect.of(product) != SqlDialect.SQLITE) {
            throw new IllegalStateException("only an SQLite store is refused writes here, not " + product);
        }
        this.writeRefusal = refusal;
    }

    /**
     * Runs {@code work} as one transaction: all of it is kept, or on any failure none of it. A write whose connection
     * to a server was lost fails (was it committed before the server went? the caller cannot be told it was), and the
     * next request connects again: a PostgreSQL restart costs the requests made while it is down, nothing more.
     */
    public <T extends @Nullable Object> T write(SqlWork<T> work) {
        String refused = writeRefusal.get();
        lock.lock();
        try {
            Connection current = usableConnection();
            return refused == null
                    ? inTransaction(current, work)
                    : inTransaction(current, changingNothing(work, refused));
        } catch (SQLException e) {
            noticeLostConnection(e);
            throw new StoreException("the database could not begin or end a transaction: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            noticeLostConnection(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** {@code work}, refused for {@code reason} if it changed any rows (it is then rolled back). */
    private static <T extends @Nullable Object> SqlWork<T> changingNothing(SqlWork<T> work, String reason) {
        return connection -> {
            long before = totalChanges(connection);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | StoreException e) {
                // a write that the disk or a read-only file refused: the reason says why, in the caller's words
                StoreException refused = new StoreException(reason);
                refused.addSuppressed(e);
                throw refused;
            }
            if (totalChanges(connection) != before) {
                throw new StoreException(reason);
            }
            return result;
        };
    }

    private static long totalChanges(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet changes = statement.executeQuery("SELECT total_changes()")) {
            return changes.next() ? changes.getLong(1) : 0;
        }
    }

    private static <T extends @Nullable Object> T inTransaction(Connection connection, SqlWork<T> work)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (StoreException | Error e) {
            rollback(connection, e);
            throw e;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw new StoreException("a write to the store failed and was rolled back: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs {@code work} as one read-only snapshot on a reader's connection, beside the writer. A read made inside a
     * write, on the writer's thread, uses the writer's connection and sees the transaction's own changes.
     */
    public <T extends @Nullable Object> T read(SqlWork<T> work) {
        ReadConnections beside = readers;
        if (beside != null && !lock.isHeldByCurrentThread()) {
            try {
                return beside.read(work);
            } catch (SQLException e) {
                throw readFailure(e);
            }
        }
        lock.lock();
        try {
            return work.run(usableConnection());
        } catch (SQLException e) {
            noticeLostConnection(e);
            throw new StoreException("a read from the store failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            noticeLostConnection(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** A reader's failure; one that could not reach the server says so, in the writer's words, without secrets. */
    private StoreException readFailure(SQLException e) {
        boolean unreachable = e instanceof SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        if (serverUrl != null && unreachable) {
            return new StoreException(
                    "the database " + withoutParameters(serverUrl) + " cannot be reached: "
                            + JdbcUrls.scrub(String.valueOf(e.getMessage()), serverUrl),
                    JdbcUrls.scrubbed(e, serverUrl));
        }
        return new StoreException("a read from the store failed: " + e.getMessage(), e);
    }

    /** The connection, made again first if the last one was lost. Under {@link #lock}. */
    private Connection usableConnection() throws SQLException {
        String url = serverUrl;
        if (!lost || url == null) {
            return connection; // only a server's connection is ever lost
        }
        Connection fresh;
        try {
            fresh = DriverManager.getConnection(url);
            SqlDialect.preparePostgresql(fresh);
        } catch (SQLException e) {
            throw new StoreException(
                    "the database " + withoutParameters(url) + " cannot be reached: "
                            + JdbcUrls.scrub(e.getMessage(), url),
                    JdbcUrls.scrubbed(e, url));
        }
        closeQuietly(connection);
        connection = fresh;
        lost = false;
        LOG.info("Connected to the database {} again", withoutParameters(url));
        return connection;
    }

    /**
     * After a failure on a server store, asks the connection whether it is still alive (the failure may be the
     * server's going away: a restart, a failover, a network cut); if not, the next request connects again. Under
     * {@link #lock}.
     */
    private void noticeLostConnection(Exception failure) {
        if (serverUrl == null || lost) {
            return;
        }
        boolean alive;
        try {
            alive = connection.isValid(2);
        } catch (SQLException e) {
            alive = false;
        }
        if (!alive) {
            lost = true;
            LOG.warn(
                    "Lost the connection to the database {} ({}); requests fail until it is back, then it is"
                            + " reconnected",
                    withoutParameters(serverUrl),
                    JdbcUrls.scrub(String.valueOf(failure.getMessage()), serverUrl));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is gone already; the new one is what counts
        }
    }

    /** "SQLite", "PostgreSQL", ... as the driver names it, for the few places where dialects differ. */
    public String product() {
        return product;
    }

    @Override
    public void close() {
        ReadConnections beside = readers;
        if (beside != null) {
            beside.close();
        }
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("the database did not close cleanly", e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A server URL may carry a password, and error messages end up in logs. */
    private static String withoutParameters(String jdbcUrl) {
        return JdbcUrls.withoutSecrets(jdbcUrl);
    }
}
