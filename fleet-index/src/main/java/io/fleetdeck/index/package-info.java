/**
 * The fleet index: the AWS Fleet Indexing query language (AWS-IOT-BEHAVIOUR §3.3) over Lucene.
 *
 * <ul>
 *   <li>{@link io.fleetdeck.index.FleetDocument}: a thing as the index sees it, flattened field paths with
 *       their values (§3.2).
 *   <li>{@link io.fleetdeck.index.DocumentEncoding}: the Lucene document of a thing, and the field contract
 *       that searches and aggregations rely on.
 *   <li>{@link io.fleetdeck.index.FleetQuery}: a parsed query, run by Lucene ({@code toLucene()}) or in
 *       memory ({@code matches(FleetDocument)}); {@link io.fleetdeck.index.QueryException} says what is wrong
 *       with one that does not parse, and where.
 * </ul>
 *
 * Inside, a query goes {@code Lexer} → {@code QueryParser} (with {@code RangeParser}, {@code QueryLimits},
 * {@code ParseErrors}) → a {@code QueryNode} tree of {@code ValueTest}s → {@code LuceneTranslation} or
 * {@code InMemoryMatch}. Values are cut into tokens by {@code Tokens} and read as numbers by {@link
 * io.fleetdeck.index.NumberRule} on both sides, so the two ways of running a query cannot drift apart.
 */
@NullMarked
package io.fleetdeck.index;

import org.jspecify.annotations.NullMarked;
