/**
 * The service API ({@code fleet-api}) in this process, over the registry, the shadows and the index: what the console,
 * the CLI and the HTTP API call, so that each operation behaves and refuses the same way whichever asks.
 */
@NullMarked
package io.fleetdeck.app.service;

import org.jspecify.annotations.NullMarked;
