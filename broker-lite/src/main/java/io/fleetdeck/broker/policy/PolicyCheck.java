package io.fleetdeck.broker.policy;

import java.util.List;

/** A policy document that AWS would accept, with the warnings a person editing it should see. */
public record PolicyCheck(PolicyDocument document, List<PolicyWarning> warnings) {

    public PolicyCheck {
        warnings = List.copyOf(warnings);
    }
}
