package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.certificates.PolicyDescription;
import io.fleetdeck.api.certificates.PolicySummary;
import java.util.List;

/** What {@code policy list} and {@code policy get} print: AWS's list-policies and get-policy, or text to read. */
final class PoliciesOutput {

    private PoliciesOutput() {}

    /** {@code {"policies":[{"policyName","policyArn"}]}}. */
    static String listJson(List<PolicySummary> policies) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("policies");
        for (PolicySummary policy : policies) {
            array.addObject()
                    .put("policyName", policy.policyName())
                    .put("policyArn", Arns.of("policy", policy.policyName()));
        }
        return OutputOption.print(answer);
    }

    static String listText(List<PolicySummary> policies) {
        if (policies.isEmpty()) {
            return CliMessages.say("policies.none");
        }
        TextTable table = new TextTable(CliMessages.columns("policies.columns"));
        policies.forEach(policy -> table.row(policy.policyName(), Integer.toString(policy.defaultVersionId())));
        return table.toString();
    }

    /** As get-policy: the document is a string holding JSON, as AWS returns it. */
    static String getJson(PolicyDescription policy) {
        ObjectNode answer = OutputOption.object()
                .put("policyName", policy.policyName())
                .put("policyArn", Arns.of("policy", policy.policyName()))
                .put("policyDocument", policy.policyDocument())
                .put("defaultVersionId", Integer.toString(policy.defaultVersionId()))
                .put("creationDate", policy.creationDate().toString());
        return OutputOption.print(answer);
    }

    /** A line saying which version is in force, then its document as it was written. */
    static String getText(PolicyDescription policy) {
        return CliMessages.say(
                        "policy.get",
                        policy.policyName(),
                        Integer.toString(policy.defaultVersionId()),
                        policy.creationDate().toString())
                + System.lineSeparator()
                + policy.policyDocument().strip();
    }
}
