/** The store: SQLite by default, PostgreSQL for a larger site; one writer, read connections beside it, migrations. */
@NullMarked
package io.fleetdeck.fleet.store;

import org.jspecify.annotations.NullMarked;
