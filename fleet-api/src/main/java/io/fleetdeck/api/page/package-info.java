/** Paging for lists, with AWS's {@code maxResults} and opaque {@code nextToken}. */
@NullMarked
package io.fleetdeck.api.page;

import org.jspecify.annotations.NullMarked;
