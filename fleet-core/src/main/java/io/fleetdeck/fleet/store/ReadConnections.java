package io.fleetdeck.fleet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Connections that only read, beside the store's one writer, so that the index, the views and the CLI do not wait
 * behind the shadow committer. On SQLite a fixed few connections to the same file: under WAL a reader sees the last
 * commit and never blocks the writer, nor the writer it (sqlite.org/wal.html). On PostgreSQL a HikariCP pool, which
 * also replaces a connection the server dropped. Each read runs as one read-only transaction, so a read of several
 * statements sees one snapshot.
 */
abstract sealed class ReadConnections implements AutoCloseable {

    /** How long a read waits for a free connection before it fails: longer than any read the console makes. */
    private static final long BORROW_TIMEOUT_SECONDS = 30;

    static ReadConnections sqlite(String jdbcUrl, int count) throws SQLException {
        return new SqliteReaders(jdbcUrl, count);
    }

    static ReadConnections postgresql(String jdbcUrl, int count) {
        return new PooledReaders(jdbcUrl, count);
    }

    <T extends @Nullable Object> T read(SqlWork<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                // a read changes nothing; rolling back only ends the snapshot
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } finally {
            giveBack(connection);
        }
    }

    abstract Connection borrow() throws SQLException;

    abstract void giveBack(Connection connection);

    @Override
    public abstract void close();

    private static final class SqliteReaders extends ReadConnections {

        private final List<Connection> all = new ArrayList<>();
        private final BlockingQueue<Connection> idle;

        SqliteReaders(String jdbcUrl, int count) throws SQLException {
            idle = new ArrayBlockingQueue<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    Connection connection = DriverManager.getConnection(jdbcUrl);
                    all.add(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA query_only=1");
                        // a checkpoint may hold the file briefly; wait for it as the writer does
                        statement.execute("PRAGMA busy_timeout=5000");
                    }
                    idle.add(connection);
                }
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        @Override
        Connection borrow() throws SQLException {
            try {
                Connection connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (connection == null) {
                    throw new SQLException(
                            "no read connection came free within " + BORROW_TIMEOUT_SECONDS + " s", "08001");
                }
                return connection;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for a read connection", "08001", e);
            }
        }

        @Override
        void giveBack(Connection connection) {
            idle.add(connection);
        }

        @Override
        public void close() {
            for (Connection connection : all) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing: nothing is left to read through it
                }
            }
        }
    }

    private static final class PooledReaders extends ReadConnections {

        private final HikariDataSource pool;

        PooledReaders(String jdbcUrl, int count) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setPoolName("fleetdeck-readers");
            config.setMaximumPoolSize(count);
            config.setMinimumIdle(1);
            config.setReadOnly(true);
            // one snapshot per read, as on SQLite; SERIALIZABLE adds nothing to a read-only transaction but the
            // chance of a serialization failure
            config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            config.setConnectionInitSql("SET lock_timeout = '5s'");
            config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(5));
            // the writer has just connected; a server that goes away later is retried by the pool, not fatal now
            config.setInitializationFailTimeout(-1);
            pool = new HikariDataSource(config);
        }

        @Override
        Connection borrow() throws SQLException {
            return pool.getConnection();
        }

        @Override
        void giveBack(Connection connection) {
            try {
                connection.close(); // back to the pool
            } catch (SQLException ignored) {
                // the pool drops a broken connection itself
            }
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
