package io.fleetdeck.fleet.identity;

import java.time.Instant;

/** A named policy's default version: the document in force. */
public record PolicyRecord(String name, int defaultVersion, String document, Instant createdAt) {}
