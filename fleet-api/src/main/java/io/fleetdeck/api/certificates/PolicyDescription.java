package io.fleetdeck.api.certificates;

import java.time.Instant;

/** GetPolicy's answer: the policy's default version and its document as it was written. */
public record PolicyDescription(String policyName, String policyDocument, int defaultVersionId, Instant creationDate) {}
