/**
 * The fleet index as the console, the CLI and the HTTP API ask it: queries in AWS's Fleet Indexing language, their
 * syntax for a search box, the fields it knows, and aggregations.
 */
@NullMarked
package io.fleetdeck.api.search;

import org.jspecify.annotations.NullMarked;
