package io.fleetdeck.broker.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An AWS IoT policy document (AWS-IOT-BEHAVIOUR §5.5), parsed and checked: made by {@link PolicyParser}, never half
 * valid.
 *
 * @param variablesEnabled whether {@code ${...}} policy variables are substituted: only in version 2012-10-17, as in
 *     IAM
 */
public record PolicyDocument(String version, List<Statement> statements, boolean variablesEnabled) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public enum Effect {
        ALLOW,
        DENY
    }

    /**
     * One statement: its effect on the actions and resources it names, when all its conditions hold.
     *
     * @param index the statement's place in the document, from 0, to say which one decided
     */
    public record Statement(
            int index,
            @Nullable String sid,
            Effect effect,
            List<String> actions,
            List<String> resources,
            List<Condition> conditions) {

        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * One test of a condition block: {@code "StringEquals": {"iot:ClientId": ["a", "b"]}} is one condition with
     * operator StringEquals, key iot:ClientId and two values, any of which may match.
     */
    public record Condition(String operator, String key, List<String> values) {

        public Condition {
            values = List.copyOf(values);
        }
    }
}
