package io.fleetdeck.broker.policy;

import io.fleetdeck.broker.policy.PolicyDocument.Condition;
import io.fleetdeck.broker.policy.PolicyDocument.Effect;
import io.fleetdeck.broker.policy.PolicyDocument.Statement;
import java.util.List;

/**
 * AWS IoT's evaluation (AWS-IOT-BEHAVIOUR §5.9): an explicit Deny in any policy wins, else an Allow allows, else the
 * request is denied. This console is one account in one region, so the region and account fields of a policy's ARNs
 * are not compared: a policy written for AWS works here unchanged. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    private static final String LOCAL_ARN_PREFIX = "arn:aws:iot:local:000000000000:";

    public Decision decide(
            List<AttachedPolicy> policies, IotAction action, String resourceName, PrincipalContext principal) {
        String resource = action.resource(resourceName);
        Decision allowed = null;
        for (AttachedPolicy policy : policies) {
            PolicyDocument document = policy.document();
            for (Statement statement : document.statements()) {
                if (!applies(statement, document.variablesEnabled(), action, resource, principal)) {
                    continue;
                }
                if (statement.effect() == Effect.DENY) {
                    return new Decision(false, policy.name(), statement.index());
                }
                if (allowed == null) {
                    allowed = new Decision(true, policy.name(), statement.index());
                }
            }
        }
        return allowed == null ? Decision.IMPLICIT_DENY : allowed;
    }

    private static boolean applies(
            Statement statement, boolean variables, IotAction action, String resource, PrincipalContext principal) {
        return statement.actions().stream()
                        .anyMatch(pattern ->
                                PolicyPattern.compile(pattern, false, null).matchesIgnoringCase(action.actionName()))
                && statement.resources().stream()
                        .anyMatch(pattern -> resourceMatches(pattern, variables, resource, principal))
                && conditionsHold(statement.conditions(), variables, principal);
    }

    private static boolean conditionsHold(List<Condition> conditions, boolean variables, PrincipalContext principal) {
        for (Condition condition : conditions) {
            if (!ConditionOperators.holds(condition, variables, principal)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code arn:<partition>:<service>:<region>:<account>:<resource>}: partition and service are matched, region and
     * account skipped, the resource matched with variables filled in. Anything else is matched whole against this
     * console's own ARN.
     */
    static boolean resourceMatches(String pattern, boolean variables, String resource, PrincipalContext principal) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn")) {
            return PolicyPattern.compile(parts[1], false, null).matches("aws")
                    && PolicyPattern.compile(parts[2], false, null).matchesIgnoringCase("iot")
                    && PolicyPattern.compile(parts[5], variables, principal).matches(resource);
        }
        return PolicyPattern.compile(pattern, variables, principal).matches(LOCAL_ARN_PREFIX + resource);
    }
}
