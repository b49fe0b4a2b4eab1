package io.fleetdeck.fleet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template of AWS-IOT-BEHAVIOUR §6.2 worked out as TV-F01 expects, and its failure without a Location. */
class ProvisioningTemplateTest {

    private static final String FLEET_TEMPLATE = """
            { "Parameters": { "SerialNumber": {"Type": "String"}, "Location": {"Type": "String", "Default": "WA"},
                              "AWS::IoT::Certificate::Id": {"Type": "String"} },
              "Mappings": { "LocationTable": { "Seattle": { "LocationUrl": "https://example.aws" } } },
              "Resources": {
                "thing": { "Type": "AWS::IoT::Thing",
                  "Properties": { "ThingName": {"Fn::Join": ["", ["Prefix_", {"Ref": "SerialNumber"}]]},
                                  "AttributePayload": {"serial": {"Ref": "SerialNumber"}},
                                  "ThingTypeName": "lightBulb", "ThingGroups": ["v1", {"Ref": "Location"}],
                                  "BillingGroup": "bg1" },
                  "OverrideSettings": { "AttributePayload": "MERGE", "ThingTypeName": "REPLACE", "ThingGroups": "DO_NOTHING" } },
                "certificate": { "Type": "AWS::IoT::Certificate",
                  "Properties": { "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE" } },
                "policy": { "Type": "AWS::IoT::Policy",
                  "Properties": { "PolicyName": "existing-policy" } } },
              "DeviceConfiguration": { "FallbackUrl": "https://example.com",
                  "LocationUrl": {"Fn::FindInMap": ["LocationTable", {"Ref": "Location"}, "LocationUrl"]} } }
            """;

    @Test
    void tvF01WorksOutTheThingItsGroupsPolicyAndDeviceConfiguration() throws Exception {
        ProvisioningPlan plan = ProvisioningTemplate.parse(FLEET_TEMPLATE)
                .plan(Map.of("SerialNumber", "123", "Location", "Seattle"), "c0ffee");

        assertThat(plan.thingName()).isEqualTo("Prefix_123");
        assertThat(plan.thingAttributes()).containsExactly(Map.entry("serial", "123"));
        assertThat(plan.thingGroups()).containsExactly("v1", "Seattle");
        assertThat(plan.policyNames()).containsExactly("existing-policy");
        assertThat(plan.certificateStatus()).isEqualTo("ACTIVE");
        assertThat(plan.attributeOverride()).isEqualTo("MERGE");
        assertThat(plan.deviceConfiguration())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("FallbackUrl", "https://example.com", "LocationUrl", "https://example.aws"));
    }

    @Test
    void theDefaultLocationHasNoMappingSoNothingIsPlanned() throws Exception {
        ProvisioningTemplate template = ProvisioningTemplate.parse(FLEET_TEMPLATE);

        assertThatThrownBy(() -> template.plan(Map.of("SerialNumber", "123"), "c0ffee"))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Fn::FindInMap finds nothing at LocationTable / WA");
                });
    }

    @Test
    void aMissingParameterWithoutDefaultIsNamed() throws Exception {
        assertThatThrownBy(() -> ProvisioningTemplate.parse(FLEET_TEMPLATE).plan(Map.of(), "c0ffee"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("parameter SerialNumber has no value and no default");
    }

    @Test
    void selectSplitAndSubWorkTogether() throws Exception {
        String template = """
                {"Parameters": {"Model": {"Type": "String"}},
                 "Resources": {"thing": {"Type": "AWS::IoT::Thing", "Properties": {
                   "ThingName": {"Fn::Sub": "pump-${Model}"},
                   "AttributePayload": {"family": {"Fn::Select": [0, {"Fn::Split": ["-", {"Ref": "Model"}]}]}}}}}}
                """;

        ProvisioningPlan plan = ProvisioningTemplate.parse(template).plan(Map.of("Model", "x7-2026"), "c");

        assertThat(plan.thingName()).isEqualTo("pump-x7-2026");
        assertThat(plan.thingAttributes()).containsEntry("family", "x7");
    }

    @Test
    void aTemplateWithAKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        String twice = "{\"Resources\": {\"thing\": {\"Type\": \"AWS::IoT::Thing\"}},"
                + " \"Resources\": {\"bucket\": {\"Type\": \"AWS::IoT::Policy\"}}}";

        assertThatThrownBy(() -> ProvisioningTemplate.parse(twice))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("the template is not valid JSON: line 1, column 66: the key \"Resources\" appears twice");
    }

    @Test
    void anUnsupportedResourceTypeIsRefusedAtParse() {
        assertThatThrownBy(() ->
                        ProvisioningTemplate.parse("{\"Resources\": {\"bucket\": {\"Type\": \"AWS::S3::Bucket\"}}}"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("unsupported Type \"AWS::S3::Bucket\"");
    }
}
