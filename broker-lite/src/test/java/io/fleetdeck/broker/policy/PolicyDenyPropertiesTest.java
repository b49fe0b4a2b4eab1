package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random policies and requests: a Deny never opens anything up, and a Deny naming the request always wins. */
class PolicyDenyPropertiesTest {

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    record Request(IotAction action, String resource, String clientId) {}

    @Test
    void addingADenyStatementNeverLetsADeniedRequestThrough() {
        qt().withExamples(1000)
                .forAll(statements(), denyStatement(), requests())
                .checkAssert((statements, deny, r) -> {
                    PrincipalContext principal = principal(r.clientId());
                    Decision before = evaluator.decide(policy(statements), r.action(), r.resource(), principal);
                    List<String> withDeny = new ArrayList<>(statements);
                    withDeny.add(deny);
                    Decision after = evaluator.decide(policy(withDeny), r.action(), r.resource(), principal);

                    if (!before.allowed()) {
                        assertThat(after.allowed())
                                .as("denied before %s was added: %s", deny, after.explanation())
                                .isFalse();
                    }
                });
    }

    @Test
    void aDenyNamingTheRequestExactlyAlwaysWins() {
        qt().withExamples(500).forAll(statements(), requests()).checkAssert((statements, r) -> {
            List<String> withDeny = new ArrayList<>(statements);
            withDeny.add("{\"Effect\":\"Deny\",\"Action\":\"" + r.action().actionName() + "\",\"Resource\":\""
                    + escape("arn:aws:iot:us-east-1:123456789012:" + r.action().resource(r.resource())) + "\"}");

            Decision decision = evaluator.decide(policy(withDeny), r.action(), r.resource(), principal(r.clientId()));

            assertThat(decision.explicitDeny()).as(decision.explanation()).isTrue();
        });
    }

    private static List<AttachedPolicy> policy(List<String> statements) {
        try {
            return List.of(new AttachedPolicy(
                    "fuzz",
                    PolicyParser.parse(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}")));
        } catch (PolicyDocumentException e) {
            throw new AssertionError("a generated policy is valid", e);
        }
    }

    /** Only a literal {@code *} or {@code ?} in the name could widen an exact Deny: written as IAM escapes them. */
    private static String escape(String resource) {
        return resource.replace("$", "${$}").replace("*", "${*}").replace("?", "${?}");
    }

    private static PrincipalContext principal(String clientId) {
        return PrincipalContext.forCertificate(
                clientId,
                "10.0.0.1",
                new CertificateFacts("c", "1", Map.of("CommonName", List.of(clientId)), Map.of(), Map.of()),
                Map.of("pump-7", new Thing("pump-7", null, Map.of("site", "north"))),
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    private static Gen<List<String>> statements() {
        Gen<String> effect = Generate.pick(List.of("Allow", "Deny"));
        Gen<String> action = Generate.pick(
                List.of("iot:*", "iot:Publish", "iot:Subscribe", "iot:Receive", "iot:Connect", "*", "iot:P*"));
        Gen<String> condition = Generate.pick(List.of(
                "",
                ",\"Condition\":{\"StringLike\":{\"iot:ClientId\":\"p*\"}}",
                ",\"Condition\":{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}",
                ",\"Condition\":{\"StringNotEquals\":{\"iot:Connection.Thing.Attributes[site]\":\"south\"}}",
                ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        Gen<String> statement = effect.zip(
                action,
                resources(),
                condition,
                (e, a, r, c) ->
                        "{\"Effect\":\"" + e + "\",\"Action\":\"" + a + "\",\"Resource\":\"" + r + "\"" + c + "}");
        return lists().of(statement).ofSizeBetween(1, 6);
    }

    private static Gen<String> denyStatement() {
        return Generate.pick(List.of("iot:*", "iot:Publish", "iot:Receive", "iot:Subscribe", "iot:Connect"))
                .zip(
                        resources(),
                        (a, r) -> "{\"Effect\":\"Deny\",\"Action\":\"" + a + "\",\"Resource\":\"" + r + "\"}");
    }

    private static Gen<String> resources() {
        return Generate.pick(List.of(
                "*",
                "arn:aws:iot:*:*:topic/a/*",
                "arn:aws:iot:*:*:topic/${iot:ClientId}/*",
                "arn:aws:iot:*:*:topicfilter/a/#",
                "arn:aws:iot:us-east-1:1:client/${iot:Connection.Thing.ThingName}",
                "arn:aws:iot:*:*:topic/?/b",
                "arn:aws:iot:*:*:topicfilter/+/b",
                "arn:aws:iot:*:*:topic/${iot:Connection.Thing.Attributes[site]}/*"));
    }

    private static Gen<Request> requests() {
        Gen<String> resourceNames = lists().of(
                        Generate.pick(List.of("a", "b", "c", "+", "#", "*", "pump-7", "north", "?")))
                .ofSizeBetween(1, 4)
                .map(levels -> String.join("/", levels));
        return Generate.enumValues(IotAction.class)
                .zip(resourceNames, Generate.pick(List.of("pump-7", "a", "*", "p?", "north")), Request::new);
    }
}
