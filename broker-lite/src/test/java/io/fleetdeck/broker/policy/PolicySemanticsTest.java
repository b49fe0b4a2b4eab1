package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How AWS IoT matches resources and conditions (AWS-IOT-BEHAVIOUR §5.7–§5.9), case by case. */
class PolicySemanticsTest {

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private boolean allows(String statements, IotAction action, String resource, PrincipalContext principal)
            throws PolicyDocumentException {
        PolicyDocument document = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
        return evaluator
                .decide(List.of(new AttachedPolicy("p", document)), action, resource, principal)
                .allowed();
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static PrincipalContext client(String clientId) {
        return PrincipalContext.forCertificate(
                clientId,
                "10.1.2.3",
                new CertificateFacts(
                        "c",
                        "7f",
                        Map.of("CommonName", List.of("pump-7"), "OrganizationalUnit", List.of("north", "ops")),
                        Map.of("CommonName", List.of("Fleetdeck Root CA")),
                        Map.of("DNSName", List.of("pump-7.plant.local"))),
                Map.of("pump-7", new Thing("pump-7", "pump", Map.of("site", "north", "floor", "2"))),
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0} allows {1} {2}: {3}")
    @CsvSource({
        "arn:aws:iot:*:*:topic/a/*,          PUBLISH,   a/b/c/d,     true",
        "arn:aws:iot:*:*:topic/a/?,          PUBLISH,   a/b,         true",
        "arn:aws:iot:*:*:topic/a/?,          PUBLISH,   a/bc,        false",
        "arn:aws:iot:*:*:topicfilter/a/*,    SUBSCRIBE, a/#,         true",
        "arn:aws:iot:*:*:topicfilter/a/*,    SUBSCRIBE, a/+/b,       true",
        "arn:aws:iot:*:*:topicfilter/a/+/b,  SUBSCRIBE, a/x/b,       false",
        "arn:aws:iot:*:*:topicfilter/a/+/b,  SUBSCRIBE, a/+/b,       true",
        "arn:aws:iot:*:*:topic/a/#,          PUBLISH,   a/b,         false",
        "arn:aws:iot:*:*:topic/Dt/*,         PUBLISH,   dt/x,        false",
        "arn:aws:iot:eu-west-1:999:topic/dt, PUBLISH,   dt,          true",
        "arn:aws:iot:*:*:topic/dt,           RECEIVE,   dt,          false",
        "*,                                  SUBSCRIBE, any/#,       true",
    })
    void wildcardsAreIamsNotMqtts(String resource, IotAction action, String name, boolean allowed) throws Exception {
        String verb = action == IotAction.SUBSCRIBE ? "iot:Subscribe" : "iot:Publish";
        assertThat(allows(allow(verb, resource), action, name, client("pump-7")))
                .isEqualTo(allowed);
    }

    @Test
    void actionsMatchWithWildcardsAndWithoutRegardToCase() throws Exception {
        assertThat(allows(allow("iot:*", "*"), IotAction.RECEIVE, "x", client("pump-7")))
                .isTrue();
        assertThat(allows(allow("IOT:publish", "*"), IotAction.PUBLISH, "x", client("pump-7")))
                .isTrue();
        assertThat(allows(allow("iot:Pub*", "*"), IotAction.SUBSCRIBE, "x", client("pump-7")))
                .isFalse();
    }

    @Test
    void aClientIdFullOfWildcardsIsMatchedLiterallyNeverWidened() throws Exception {
        String own = allow("iot:Publish", "arn:aws:iot:*:*:topic/dt/${iot:ClientId}/telemetry");

        assertThat(allows(own, IotAction.PUBLISH, "dt/*/telemetry", client("*")))
                .isTrue();
        assertThat(allows(own, IotAction.PUBLISH, "dt/pump-7/telemetry", client("*")))
                .isFalse();
        assertThat(allows(own, IotAction.PUBLISH, "dt/p/telemetry", client("?")))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dt/${iot:Connection.Thing.Attributes[site]}/*                | dt/north/x  | true",
                "dt/${iot:Connection.Thing.Attributes[building]}/*            | dt/north/x  | false",
                "dt/${iot:Connection.Thing.ThingTypeName}/*                   | dt/pump/x   | true",
                "dt/${iot:Certificate.Subject.CommonName}/*                   | dt/pump-7/x | true",
                "dt/${iot:Certificate.Subject.OrganizationalUnit.1}/*         | dt/ops/x    | true",
                "dt/${iot:Certificate.Issuer.CommonName}/*                    | dt/Fleetdeck Root CA/x | true",
                "dt/${iot:Certificate.Subject.AlternativeName.DNSName}/*      | dt/pump-7.plant.local/x | true",
                "dt/${iot:Certificate.SerialNumber}/*                         | dt/7f/x     | true",
                "dt/${*}/x                                                    | dt/*/x      | true",
                "dt/${*}/x                                                    | dt/a/x      | false",
            })
    void variablesResolveFromTheConnectionsThingAndCertificate(String topicPattern, String topic, boolean allowed)
            throws Exception {
        String statement = allow("iot:Publish", "arn:aws:iot:*:*:topic/" + topicPattern);

        assertThat(allows(statement, IotAction.PUBLISH, topic, client("pump-7")))
                .isEqualTo(allowed);
    }

    @Test
    void thingVariablesDoNotResolveWhenTheClientIdIsNotTheAttachedThing() throws Exception {
        String statement = allow("iot:Publish", "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*");

        assertThat(allows(statement, IotAction.PUBLISH, "dt/pump-7/x", client("pump-7")))
                .isTrue();
        assertThat(allows(statement, IotAction.PUBLISH, "dt/pump-7/x", client("impostor")))
                .isFalse();
    }

    @Test
    void variablesAreNotSubstitutedInTheOldPolicyVersion() throws Exception {
        PolicyDocument old = PolicyParser.parse("{\"Version\":\"2008-10-17\",\"Statement\":["
                + allow("iot:Publish", "arn:aws:iot:*:*:topic/dt/${iot:ClientId}") + "]}");

        assertThat(evaluator
                        .decide(
                                List.of(new AttachedPolicy("old", old)),
                                IotAction.PUBLISH,
                                "dt/pump-7",
                                client("pump-7"))
                        .allowed())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"StringLike\":{\"iot:ClientId\":\"pump-*\"}}                         | true",
                "{\"StringNotLike\":{\"iot:ClientId\":\"pump-*\"}}                      | false",
                "{\"StringEquals\":{\"iot:ClientId\":[\"a\",\"pump-7\"]}}               | true",
                "{\"StringEqualsIgnoreCase\":{\"iot:ClientId\":\"PUMP-7\"}}             | true",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.1.0.0/16\"}}                     | true",
                "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.1.0.0/16\"}}                  | false",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.2.0.0/16\"}}                     | false",
                "{\"Null\":{\"iot:Connection.Thing.Attributes[building]\":\"true\"}}    | true",
                "{\"Null\":{\"iot:Connection.Thing.Attributes[site]\":\"true\"}}        | false",
                "{\"StringEqualsIfExists\":{\"iot:Connection.Thing.Attributes[building]\":\"b1\"}} | true",
                "{\"StringEquals\":{\"iot:Connection.Thing.Attributes[building]\":\"b1\"}}         | false",
                "{\"NumericGreaterThanEquals\":{\"iot:Connection.Thing.Attributes[floor]\":\"2\"}} | true",
                "{\"NumericLessThan\":{\"iot:Connection.Thing.Attributes[floor]\":\"2\"}}          | false",
                "{\"ForAnyValue:StringEquals\":{\"iot:Certificate.Subject.OrganizationalUnit.List\":\"ops\"}} | true",
                "{\"ForAllValues:StringEquals\":{\"iot:Certificate.Subject.OrganizationalUnit.List\":\"ops\"}} | false",
                "{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"}}      | true",
                "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"}}   | false",
                "{\"StringEquals\":{\"iot:ClientId\":\"${iot:Certificate.Subject.CommonName}\"}} | true",
                "{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"},\"StringLike\":{\"iot:ClientId\":\"x*\"}} | false",
            })
    void conditionsAsIamEvaluatesThem(String condition, boolean allowed) throws Exception {
        String statement =
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\",\"Condition\":" + condition + "}";

        assertThat(allows(statement, IotAction.CONNECT, "pump-7", client("pump-7")))
                .isEqualTo(allowed);
    }

    @Test
    void anExplicitDenyInAnyPolicyBeatsAnAllowInAnother() throws Exception {
        PolicyDocument allowAll =
                PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + allow("iot:*", "*") + "]}");
        PolicyDocument denyAdmin = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"Resource\":\"arn:aws:iot:*:*:topic/admin/*\"}]}");

        Decision decision = evaluator.decide(
                List.of(new AttachedPolicy("all", allowAll), new AttachedPolicy("no-admin", denyAdmin)),
                IotAction.PUBLISH,
                "admin/reboot",
                client("pump-7"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.explanation()).isEqualTo("DENY by statement 0 of policy no-admin");
    }
}
