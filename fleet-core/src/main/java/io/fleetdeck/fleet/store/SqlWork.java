package io.fleetdeck.fleet.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work against the store's connection, allowed to throw {@link SQLException} so that JDBC code can be
 * written plainly; {@link Database} turns failures into {@link StoreException}.
 */
@FunctionalInterface
public interface SqlWork<T extends @Nullable Object> {

    T run(Connection connection) throws SQLException;
}
