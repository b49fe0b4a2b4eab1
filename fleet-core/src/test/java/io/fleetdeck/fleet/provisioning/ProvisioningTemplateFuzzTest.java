package io.fleetdeck.fleet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever template an operator registers and whatever parameters a device sends, parsing and filling in a
 * provisioning template (AWS-IOT-BEHAVIOUR §6.2) ends in a plan or in AWS's 400 InvalidParameters with a message,
 * never in another exception that would leave the device without an answer on {@code .../rejected}.
 *
 * <p>An input is the template text, then optionally a line {@code ---} and {@code name=value} lines: the parameters
 * the device supplies. The fuzz target runs its seeds (src/test/resources/.../ProvisioningTemplateFuzzTestInputs) in
 * every build and is fuzzed, coverage-guided, by Jazzer with {@code JAZZER_FUZZ=1} (bench/README.md); the property
 * below puts generated templates through the same check in every build.
 */
class ProvisioningTemplateFuzzTest {

    private static final String CERTIFICATE_ID = "c0ffee";

    @FuzzTest
    @DictionaryEntries({
        "\"Parameters\"",
        "\"Mappings\"",
        "\"Resources\"",
        "\"DeviceConfiguration\"",
        "\"Type\"",
        "\"Properties\"",
        "\"AWS::IoT::Thing\"",
        "\"AWS::IoT::Certificate\"",
        "\"AWS::IoT::Policy\"",
        "\"Ref\"",
        "\"Fn::Join\"",
        "\"Fn::Select\"",
        "\"Fn::Split\"",
        "\"Fn::FindInMap\"",
        "\"Fn::Sub\"",
        "\"Default\"",
        "\"ThingName\"",
        "\"AttributePayload\"",
        "\"ThingGroups\"",
        "\"CertificateId\"",
        "\"Status\"",
        "\"PolicyName\"",
        "\"PolicyDocument\"",
        "\"AWS::IoT::Certificate::Id\"",
        "\"OverrideSettings\"",
        "${",
        "\n---\n"
    })
    void anyTemplateAndParametersGiveAPlanOrInvalidParameters(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        assertPlanOrInvalidParameters(
                split < 0 ? text : text.substring(0, split),
                split < 0 ? Map.of() : parameters(text.substring(split + 5)));
    }

    @Test
    void generatedTemplatesGiveAPlanOrInvalidParameters() {
        qt().withExamples(2000)
                .forAll(templates(), suppliedParameters())
                .checkAssert(ProvisioningTemplateFuzzTest::assertPlanOrInvalidParameters);
    }

    static void assertPlanOrInvalidParameters(String template, Map<String, String> supplied) {
        try {
            ProvisioningPlan plan = ProvisioningTemplate.parse(template).plan(supplied, CERTIFICATE_ID);
            assertThat(plan.certificateStatus()).isIn("ACTIVE", "INACTIVE");
        } catch (ProvisioningException refused) {
            assertThat(refused.statusCode()).as(refused.getMessage()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("InvalidParameters");
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static Map<String, String> parameters(String lines) {
        Map<String, String> supplied = new LinkedHashMap<>();
        for (String line : lines.split("\n", -1)) {
            int equals = line.indexOf('=');
            if (equals >= 0) {
                supplied.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return supplied;
    }

    /** Templates assembled from the grammar's parts: valid ones, and ones with parts in the wrong places. */
    private static Gen<String> templates() {
        Gen<String> value = Generate.pick(List.of(
                "\"plain\"",
                "{\"Ref\":\"SerialNumber\"}",
                "{\"Ref\":\"Location\"}",
                "{\"Ref\":\"AWS::IoT::Certificate::Id\"}",
                "{\"Ref\":\"Nowhere\"}",
                "{\"Fn::Join\":[\"_\",[\"p\",{\"Ref\":\"SerialNumber\"}]]}",
                "{\"Fn::Join\":[\"_\"]}",
                "{\"Fn::Select\":[1,[\"a\",\"b\"]]}",
                "{\"Fn::Select\":[7,[\"a\"]]}",
                "{\"Fn::Select\":[\"x\",[\"a\"]]}",
                "{\"Fn::Split\":[\",\",\"a,b\"]}",
                "{\"Fn::Select\":[0,{\"Fn::Split\":[\"-\",{\"Ref\":\"SerialNumber\"}]}]}",
                "{\"Fn::FindInMap\":[\"Table\",{\"Ref\":\"Location\"},\"Url\"]}",
                "{\"Fn::FindInMap\":[\"Table\"]}",
                "{\"Fn::Sub\":\"thing-${SerialNumber}\"}",
                "{\"Fn::Sub\":\"${Missing\"}",
                "{\"Fn::Unknown\":1}",
                "1",
                "null",
                "[]",
                "{}"));
        Gen<String> thing = value.zip(
                value,
                value,
                (name, attribute, group) -> "\"thing\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{\"ThingName\":"
                        + name + ",\"AttributePayload\":{\"a\":" + attribute + "},\"ThingGroups\":[" + group
                        + "]},\"OverrideSettings\":{\"AttributePayload\":\"MERGE\"}}");
        Gen<String> certificate = value.zip(
                Generate.pick(List.of("\"ACTIVE\"", "\"INACTIVE\"", "\"REVOKED\"", "{\"Ref\":\"Location\"}")),
                (id, status) -> "\"certificate\":{\"Type\":\"AWS::IoT::Certificate\",\"Properties\":{\"CertificateId\":"
                        + id + ",\"Status\":" + status + "}}");
        Gen<String> policy = Generate.pick(List.of(
                "\"policy\":{\"Type\":\"AWS::IoT::Policy\",\"Properties\":{\"PolicyName\":\"p\"}}",
                "\"policy\":{\"Type\":\"AWS::IoT::Policy\",\"Properties\":{\"PolicyDocument\":\"{}\"}}",
                "\"policy\":{\"Type\":\"AWS::IoT::Policy\",\"Properties\":{}}",
                "\"policy\":{\"Type\":\"AWS::IoT::Policy\",\"Properties\":{\"PolicyName\":\"p\",\"PolicyDocument\":{}}}",
                "\"other\":{\"Type\":\"AWS::S3::Bucket\"}"));
        Gen<List<String>> resources =
                lists().of(Generate.oneOf(thing, certificate, policy)).ofSizeBetween(0, 3);
        Gen<String> parameters = Generate.pick(List.of(
                "",
                "\"Parameters\":{\"SerialNumber\":{\"Type\":\"String\"}},",
                "\"Parameters\":{\"SerialNumber\":{\"Type\":\"String\"},\"Location\":{\"Type\":\"String\",\"Default\":\"WA\"},"
                        + "\"AWS::IoT::Certificate::Id\":{\"Type\":\"String\"}},",
                "\"Parameters\":{\"Location\":{\"Type\":\"Number\",\"Default\":1}},",
                "\"Parameters\":[],"));
        Gen<String> mappings = Generate.pick(List.of(
                "", "\"Mappings\":{\"Table\":{\"Seattle\":{\"Url\":\"https://example.aws\"}}},", "\"Mappings\":7,"));
        Gen<String> configuration = value.map(v -> ",\"DeviceConfiguration\":{\"Url\":" + v + "}");
        return parameters.zip(
                mappings,
                resources,
                configuration,
                (p, m, r, c) -> "{" + p + m + "\"Resources\":{" + String.join(",", r) + "}" + c + "}");
    }

    private static Gen<Map<String, String>> suppliedParameters() {
        return Generate.pick(List.of(
                Map.of(),
                Map.of("SerialNumber", "123"),
                Map.of("SerialNumber", "a-b", "Location", "Seattle"),
                Map.of("SerialNumber", "", "Location", "Nowhere"),
                Map.of("AWS::IoT::Certificate::Id", "someone-else")));
    }
}
