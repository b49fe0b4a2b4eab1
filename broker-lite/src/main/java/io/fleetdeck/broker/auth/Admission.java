package io.fleetdeck.broker.auth;

import io.fleetdeck.broker.policy.AttachedPolicy;
import io.fleetdeck.broker.policy.PrincipalContext;
import java.util.List;

/** The registry's answer at CONNECT: a principal with its policies, or a refusal with the reason for the log. */
public sealed interface Admission {

    record Admitted(String certificateId, PrincipalContext principal, List<AttachedPolicy> policies)
            implements Admission {

        public Admitted {
            policies = List.copyOf(policies);
        }
    }

    record Refused(String reason) implements Admission {}
}
