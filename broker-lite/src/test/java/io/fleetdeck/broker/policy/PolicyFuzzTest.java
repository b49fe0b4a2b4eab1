package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random documents and requests: only the documented error ever escapes, and a Deny never opens anything up. */
class PolicyFuzzTest {

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Property(tries = 2000)
    void arbitraryTextIsAPolicyOrAPositionedError(@ForAll("documentLikeText") String text) {
        try {
            PolicyParser.parse(text);
        } catch (PolicyDocumentException expected) {
            assertThat(expected.line()).isPositive();
            assertThat(expected.column()).isPositive();
            assertThat(expected.reason()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void addingADenyStatementNeverLetsADeniedRequestThrough(
            @ForAll("statements") List<String> statements,
            @ForAll("denyStatement") String deny,
            @ForAll IotAction action,
            @ForAll("resourceNames") String resource,
            @ForAll("clientIds") String clientId)
            throws Exception {
        PrincipalContext principal = principal(clientId);
        Decision before = evaluator.decide(policy(statements), action, resource, principal);
        List<String> withDeny = new ArrayList<>(statements);
        withDeny.add(deny);
        Decision after = evaluator.decide(policy(withDeny), action, resource, principal);

        if (!before.allowed()) {
            assertThat(after.allowed()).as("denied before the Deny was added").isFalse();
        }
    }

    @Property(tries = 500)
    void aDenyNamingTheRequestExactlyAlwaysWins(
            @ForAll("statements") List<String> statements,
            @ForAll IotAction action,
            @ForAll("resourceNames") String resource,
            @ForAll("clientIds") String clientId)
            throws Exception {
        List<String> withDeny = new ArrayList<>(statements);
        withDeny.add("{\"Effect\":\"Deny\",\"Action\":\"" + action.actionName() + "\",\"Resource\":\""
                + escape("arn:aws:iot:us-east-1:123456789012:" + action.resource(resource)) + "\"}");

        Decision decision = evaluator.decide(policy(withDeny), action, resource, principal(clientId));

        assertThat(decision.explicitDeny()).as(decision.explanation()).isTrue();
    }

    private static List<AttachedPolicy> policy(List<String> statements) throws PolicyDocumentException {
        return List.of(new AttachedPolicy(
                "fuzz",
                PolicyParser.parse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}")));
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

    @Provide
    Arbitrary<String> documentLikeText() {
        Arbitrary<String> fragments = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"Version\"",
                "\"2012-10-17\"",
                "\"Statement\"",
                "\"Effect\"",
                "\"Allow\"",
                "\"Deny\"",
                "\"Action\"",
                "\"iot:*\"",
                "\"Resource\"",
                "\"*\"",
                "\"Condition\"",
                "\"StringLike\"",
                "\"iot:ClientId\"",
                "true",
                "1",
                "null",
                "\"${iot:ClientId}\"",
                " ",
                "\n",
                "\"");
        return Arbitraries.oneOf(
                fragments.list().ofMaxSize(40).map(parts -> String.join("", parts)),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<List<String>> statements() {
        Arbitrary<String> effect = Arbitraries.of("Allow", "Deny");
        Arbitrary<String> action =
                Arbitraries.of("iot:*", "iot:Publish", "iot:Subscribe", "iot:Receive", "iot:Connect", "*", "iot:P*");
        Arbitrary<String> condition = Arbitraries.of(
                "",
                ",\"Condition\":{\"StringLike\":{\"iot:ClientId\":\"p*\"}}",
                ",\"Condition\":{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}",
                ",\"Condition\":{\"StringNotEquals\":{\"iot:Connection.Thing.Attributes[site]\":\"south\"}}",
                ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}");
        return Combinators.combine(effect, action, resources(), condition)
                .as((e, a, r, c) ->
                        "{\"Effect\":\"" + e + "\",\"Action\":\"" + a + "\",\"Resource\":\"" + r + "\"" + c + "}")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> denyStatement() {
        return Combinators.combine(
                        Arbitraries.of("iot:*", "iot:Publish", "iot:Receive", "iot:Subscribe", "iot:Connect"),
                        resources())
                .as((a, r) -> "{\"Effect\":\"Deny\",\"Action\":\"" + a + "\",\"Resource\":\"" + r + "\"}");
    }

    private static Arbitrary<String> resources() {
        return Arbitraries.of(
                "*",
                "arn:aws:iot:*:*:topic/a/*",
                "arn:aws:iot:*:*:topic/${iot:ClientId}/*",
                "arn:aws:iot:*:*:topicfilter/a/#",
                "arn:aws:iot:us-east-1:1:client/${iot:Connection.Thing.ThingName}",
                "arn:aws:iot:*:*:topic/?/b",
                "arn:aws:iot:*:*:topicfilter/+/b",
                "arn:aws:iot:*:*:topic/${iot:Connection.Thing.Attributes[site]}/*");
    }

    @Provide
    Arbitrary<String> resourceNames() {
        return Arbitraries.of("a", "b", "c", "+", "#", "*", "pump-7", "north", "?")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(levels -> String.join("/", levels));
    }

    @Provide
    Arbitrary<String> clientIds() {
        return Arbitraries.of("pump-7", "a", "*", "p?", "north");
    }
}
