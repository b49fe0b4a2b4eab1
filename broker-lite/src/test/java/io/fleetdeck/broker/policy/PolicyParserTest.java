package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed policy is refused whole, with the line, column and reason a user needs to fix it. */
class PolicyParserTest {

    @Test
    void aStatementObjectOrArrayAndStringOrArrayValuesAreAccepted() throws Exception {
        PolicyDocument document = PolicyParser.parse("""
                {"Version": "2012-10-17",
                 "Statement": {"Sid": "telemetry", "Effect": "Allow", "Action": "iot:Publish",
                               "Resource": ["arn:aws:iot:eu-west-1:1:topic/dt/*", "arn:aws:iot:eu-west-1:1:topic/x"]}}
                """);

        assertThat(document.statements()).hasSize(1);
        assertThat(document.statements().getFirst().sid()).isEqualTo("telemetry");
        assertThat(document.statements().getFirst().resources()).hasSize(2);
        assertThat(document.variablesEnabled()).isTrue();
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Alow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}"
                        + "| 1 | 48 | Effect must be \"Allow\" or \"Deny\", was \"Alow\"",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}"
                        + "| 1 | 38 | a statement needs Action",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"Publish\",\"Resource\":\"*\"}]}"
                        + "| 1 | 65 | an action is service:name, such as iot:Publish or iot:*, was \"Publish\"",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"topic/a\"}]}"
                        + "| 1 | 90 | a resource is \"*\" or an ARN such as"
                        + " arn:aws:iot:us-east-1:123456789012:topic/dt/*, was \"topic/a\"",
                "{\"Version\":\"2012-10-18\",\"Statement\":[]}"
                        + "| 1 | 12 | Version must be \"2012-10-17\" (or the older \"2008-10-17\"), was \"2012-10-18\"",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}| 1 | 37 | Statement must not be empty",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iot:Connect\",\"Resource\":\"*\"}]}"
                        + "| 1 | 68 | NotAction is not supported in AWS IoT policies; use Action and Resource",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEqualz\":{\"iot:ClientId\":\"a\"}}}]}"
                        + "| 1 | 122 | unknown condition operator \"StringEqualz\"",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}"
                        + "| 1 | 65 | Action must not be empty",
            })
    void brokenRulesAreReportedWhereTheyAre(String document, int line, int column, String reason) {
        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void invalidJsonIsReportedAtTheLineAndColumnOfTheMistake() {
        String document = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow" "Action": "iot:Connect", "Resource": "*"}]}
                """;

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(35);
                    assertThat(e.reason()).startsWith("not valid JSON");
                });
    }

    @Test
    void aDocumentOverAwsSizeLimitIsRefused() {
        String resources = "\"arn:aws:iot:us-east-1:123456789012:topic/dt/device-00000000/*\",".repeat(40);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                + "\"Resource\":[" + resources + "\"*\"]}]}";

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining("more than 2048");
    }

    /** The same strict JSON rules as shadows, provisioning and jobs (issue 13, defect 3), with the position. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
                        + "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"aws:EpochTime\":1e999}}}]}"
                        + "| 1 | 142 | not valid JSON: the number 1e999 is too large (beyond ±1.8e308)",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
                        + "\"Resource\":\"arn:aws:iot:*:*:client/\\ud800\"}]}"
                        + "| 1 | 90 | not valid JSON: a string holds the lone surrogate \\ud800, which is no Unicode character",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
                        + "\"Resource\":\"*\"}]} {}"
                        + "| 1 | 97 | not valid JSON: unexpected text after the end of the document",
                "{\"Version\":\"2012-10-17\",\"Version\":\"2008-10-17\",\"Statement\":[]}"
                        + "| 1 | 34 | not valid JSON: the key \"Version\" appears twice",
            })
    void jsonThatAwsRefusesIsRefusedWhereItIs(String document, int line, int column, String reason) {
        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanOneSilentlyWinning() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Effect\":\"Deny\","
                + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining("\"Effect\" appears twice");
    }
}
