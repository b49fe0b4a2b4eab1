package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy vectors of AWS-IOT-BEHAVIOUR §10.4, each as AWS IoT Core answers it. */
class PolicyVectorsTest {

    private static final String POLICY_P = """
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}" },
              { "Effect": "Allow", "Action": ["iot:Publish","iot:Receive"], "Resource": "arn:aws:iot:us-east-1:123456789012:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*" },
              { "Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:us-east-1:123456789012:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*" },
              { "Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:us-east-1:123456789012:topic/telemetry/${iot:ClientId}/*" },
              { "Effect": "Deny",  "Action": "iot:Publish", "Resource": "arn:aws:iot:us-east-1:123456789012:topic/telemetry/*/admin" },
              { "Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:us-east-1:123456789012:topicfilter/cmd/+/all" } ] }
            """;

    private static final String POLICY_ATTACHED_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect":"Allow","Action":"iot:Connect","Resource":"*",
             "Condition":{"Bool":{"iot:Connection.Thing.IsAttached":"true"}}}]}
            """;

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @ParameterizedTest(name = "{0}: {1} {2} {3} with C1 {4} -> {5}")
    @CsvSource({
        "TV-P01, lamp1, CONNECT,   lamp1,                                        attached, ALLOW",
        "TV-P02, lamp2, CONNECT,   lamp2,                                        attached, DENY",
        "TV-P03, lamp1, PUBLISH,   $aws/things/lamp1/shadow/update,              attached, ALLOW",
        "TV-P04, lamp1, PUBLISH,   $aws/things/lamp2/shadow/update,              attached, DENY",
        "TV-P05, lamp1, SUBSCRIBE, $aws/things/lamp1/shadow/update/accepted,     attached, ALLOW",
        "TV-P07, lamp1, PUBLISH,   telemetry/lamp1/temp,                         attached, ALLOW",
        "TV-P08, lamp1, PUBLISH,   telemetry/lamp1/admin,                        attached, DENY",
        "TV-P10, lamp1, SUBSCRIBE, cmd/+/all,                                    attached, ALLOW",
        "TV-P13, lamp1, RECEIVE,   $aws/things/lamp1/shadow/update/delta,        attached, ALLOW",
        "TV-P14, lamp1, CONNECT,   lamp1,                                        detached, DENY",
    })
    void policyP(String vector, String clientId, IotAction action, String resource, String c1, String expected)
            throws Exception {
        Decision decision = evaluator.decide(
                List.of(new AttachedPolicy("P", PolicyParser.parse(POLICY_P))),
                action,
                resource,
                lamp(clientId, c1.equals("attached")));

        assertThat(decision.allowed())
                .as(vector + ": " + decision.explanation())
                .isEqualTo(expected.equals("ALLOW"));
    }

    @ParameterizedTest(name = "TV-P15: {0} -> {1}")
    @CsvSource({"lamp1, ALLOW", "foo, DENY"})
    void connectOnlyWhenAThingNamedLikeTheClientIsAttached(String clientId, String expected) throws Exception {
        Decision decision = evaluator.decide(
                List.of(new AttachedPolicy("attached-only", PolicyParser.parse(POLICY_ATTACHED_ONLY))),
                IotAction.CONNECT,
                clientId,
                lamp(clientId, true));

        assertThat(decision.allowed()).as(decision.explanation()).isEqualTo(expected.equals("ALLOW"));
    }

    @ParameterizedTest(name = "the explicit deny of TV-P08 names its statement")
    @CsvSource({"telemetry/lamp1/admin, 4"})
    void anExplicitDenySaysWhichStatementDecided(String topic, int statement) throws Exception {
        Decision decision = evaluator.decide(
                List.of(new AttachedPolicy("P", PolicyParser.parse(POLICY_P))),
                IotAction.PUBLISH,
                topic,
                lamp("lamp1", true));

        assertThat(decision.explicitDeny()).isTrue();
        assertThat(decision.statementIndex()).isEqualTo(statement);
        assertThat(decision.explanation()).isEqualTo("DENY by statement 4 of policy P");
    }

    /** Certificate C1, attached to thing lamp1 or to nothing, presented by {@code clientId}. */
    static PrincipalContext lamp(String clientId, boolean attached) {
        Map<String, Thing> things = new LinkedHashMap<>();
        if (attached) {
            things.put("lamp1", new Thing("lamp1", null, Map.of()));
        }
        return PrincipalContext.forCertificate(
                clientId,
                "192.0.2.10",
                new CertificateFacts("c1", "01", Map.of("CommonName", List.of("lamp1")), Map.of(), Map.of()),
                things,
                Instant.parse("2026-11-26T10:00:00Z"));
    }
}
