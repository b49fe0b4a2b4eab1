package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A typo in an action or a policy variable grants or denies nothing, silently. AWS's CreatePolicy accepts such a
 * document (its validator checks grammar, not names), so it is accepted here too, with a warning at its line and
 * column.
 */
class PolicyWarningsTest {

    @Test
    void anUnknownActionIsAcceptedWithAWarningAtItsPlace() throws Exception {
        PolicyCheck check = PolicyParser.check("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow",
                                "Action": ["iot:Publish", "iot:Fly"],
                                "Resource": "*"}]}
                """);

        assertThat(check.document().statements().getFirst().actions()).containsExactly("iot:Publish", "iot:Fly");
        assertThat(check.warnings())
                .extracting(PolicyWarning::toString)
                .containsExactly(
                        "line 3, column 43: \"iot:Fly\" is not an AWS IoT action, so it allows or denies" + " nothing");
    }

    @Test
    void aMisspeltActionIsNamedWithTheOneMeant() throws Exception {
        PolicyCheck check = PolicyParser.check("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"Action\":\"iot:Publsh\",\"Resource\":\"*\"}}");

        assertThat(check.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.line()).isEqualTo(1);
            assertThat(warning.column()).isEqualTo(63);
            assertThat(warning.message())
                    .isEqualTo("\"iot:Publsh\" is not an AWS IoT action, so it allows or denies nothing"
                            + " (did you mean iot:Publish?)");
        });
    }

    @Test
    void anUnknownVariableIsWarnedAtTheDollarSign() throws Exception {
        PolicyCheck check = PolicyParser.check("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "iot:Subscribe",
                                "Resource": "arn:aws:iot:*:*:topicfilter/dt/${iot:Bogus}/#"}]}
                """);

        assertThat(check.warnings())
                .extracting(PolicyWarning::toString)
                .containsExactly("line 3, column 61: ${iot:Bogus} is not a policy variable, so it is never filled in"
                        + " and this resource matches nothing");
    }

    @Test
    void anUnknownConditionKeyAndAVariableInAnOldVersionAreWarned() throws Exception {
        PolicyCheck check = PolicyParser.check("""
                {"Version": "2008-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "iot:Connect",
                                "Resource": "arn:aws:iot:*:*:client/${iot:ClientId}",
                                "Condition": {"StringEquals": {"iot:ClientIdd": "a"}}}]}
                """);

        assertThat(check.warnings())
                .extracting(PolicyWarning::toString)
                .containsExactly(
                        "line 3, column 53: ${iot:ClientId} stays as written: policy variables are filled in only"
                                + " with \"Version\": \"2012-10-17\"",
                        "line 4, column 48: \"iot:ClientIdd\" is not a condition key, so it has no value in any"
                                + " request (did you mean iot:ClientId?)");
    }

    @Test
    void everyKnownActionVariableAndWildcardPassesWithoutWarning() throws Exception {
        PolicyCheck check = PolicyParser.check("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": ["iot:Connect", "iot:Pub*", "iot:*", "*", "iot:receive",
                                                  "iot:UpdateThingShadow", "iot:GetRetainedMessage"],
                    "Resource": ["arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}",
                                 "arn:aws:iot:*:*:topic/${iot:ClientId}/${iot:Connection.Thing.Attributes[site]}",
                                 "arn:aws:iot:*:*:topic/${iot:Certificate.Subject.CommonName.1}/${iot:Certificate.Subject.Organization}",
                                 "arn:aws:iot:*:*:topic/${iot:Certificate.Subject.AlternativeName.DNSName}",
                                 "arn:aws:iot:*:*:topic/${iot:Connection.Thing.ThingTypeName}/${aws:SourceIp}/${*}"],
                    "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"},
                                  "ForAnyValue:StringEquals": {"iot:Certificate.Subject.OrganizationalUnit.List": "ops"},
                                  "NumericLessThan": {"aws:EpochTime": 2000000000}}}]}
                """);

        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void fleetdecksOwnConditionKeyOfTheClaimPolicyIsKnown() throws Exception {
        PolicyCheck check = PolicyParser.check("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*",
                                "Condition": {"Bool": {"fleetdeck:ClientIdIsRegisteredThing": "false"}}}]}
                """);
        PolicyCheck typo = PolicyParser.check("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*",
                                "Condition": {"Bool": {"fleetdeck:ClientIdIsRegisteredThin": "false"}}}]}
                """);

        assertThat(check.warnings()).isEmpty();
        assertThat(typo.warnings())
                .singleElement()
                .asString()
                .contains("did you mean fleetdeck:ClientIdIsRegisteredThing?");
    }

    @Test
    void anActionPatternThatMatchesNoActionIsWarned() throws Exception {
        PolicyCheck check = PolicyParser.check("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":[\"iot:Fly*\",\"s3:GetObject\"],\"Resource\":\"*\"}}");

        assertThat(check.warnings())
                .extracting(PolicyWarning::message)
                .containsExactly(
                        "\"iot:Fly*\" is not an AWS IoT action, so it allows or denies nothing",
                        "\"s3:GetObject\" is not an AWS IoT action, so it allows or denies nothing");
    }
}
