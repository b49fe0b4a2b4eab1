package io.fleetdeck.api.certificates;

/** One policy as ListPolicies gives it, with the version in force. */
public record PolicySummary(String policyName, int defaultVersionId) {}
