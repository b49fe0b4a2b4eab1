package io.fleetdeck.broker.policy;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one request, with what decided it: the statement that allowed or explicitly denied it, or none for the
 * implicit deny.
 *
 * @param policyName the deciding statement's policy, null for an implicit deny
 * @param statementIndex the deciding statement's place in its document, from 0, or -1
 */
public record Decision(boolean allowed, @Nullable String policyName, int statementIndex) {

    static final Decision IMPLICIT_DENY = new Decision(false, null, -1);

    public boolean explicitDeny() {
        return !allowed && policyName != null;
    }

    /** In words, for logs and the policy simulator. */
    public String explanation() {
        if (policyName == null) {
            return "DENY: no statement allows it (implicit deny)";
        }
        return (allowed ? "ALLOW" : "DENY") + " by statement " + statementIndex + " of policy " + policyName;
    }
}
