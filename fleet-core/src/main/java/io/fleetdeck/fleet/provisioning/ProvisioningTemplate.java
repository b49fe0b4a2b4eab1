package io.fleetdeck.fleet.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.json.StrictJson;
import io.fleetdeck.broker.json.StrictJsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fleet provisioning template (AWS-IOT-BEHAVIOUR §6.2): parameters with defaults, mappings, the thing, certificate
 * and policy resources, and the device configuration, with the intrinsic functions Ref, Fn::Join, Fn::Select,
 * Fn::Split, Fn::FindInMap and Fn::Sub. Parsed once; {@link #plan} fills it in for one request.
 */
public final class ProvisioningTemplate {

    /** AWS's template size quota. */
    public static final int MAX_BYTES = 10 * 1024;

    public static final String CERTIFICATE_ID = "AWS::IoT::Certificate::Id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final JsonNode body;

    private ProvisioningTemplate(JsonNode body) {
        this.body = body;
    }

    public static ProvisioningTemplate parse(String text) throws ProvisioningException {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProvisioningException.invalid("a provisioning template is at most 10 KB");
        }
        JsonNode body;
        try {
            body = StrictJson.read(text, JSON::readTree);
        } catch (StrictJsonException e) {
            throw ProvisioningException.invalid("the template is not valid JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject() || !body.path("Resources").isObject()) {
            throw ProvisioningException.invalid("a template is a JSON object with Resources");
        }
        for (Map.Entry<String, JsonNode> resource : body.path("Resources").properties()) {
            String type = resource.getValue().path("Type").asText();
            if (!List.of("AWS::IoT::Thing", "AWS::IoT::Certificate", "AWS::IoT::Policy")
                    .contains(type)) {
                throw ProvisioningException.invalid(
                        "resource " + resource.getKey() + " has an unsupported Type \"" + type + "\"");
            }
        }
        return new ProvisioningTemplate(body);
    }

    /** The template filled in with {@code supplied} parameters (and their defaults), or why it cannot be. */
    public ProvisioningPlan plan(Map<String, String> supplied, String certificateId) throws ProvisioningException {
        Map<String, String> parameters = parameters(supplied, certificateId);
        Resolver resolver = new Resolver(parameters, body.path("Mappings"));
        String thingName = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        String attributeOverride = "REPLACE";
        List<String> groups = new ArrayList<>();
        String status = "ACTIVE";
        List<String> policyNames = new ArrayList<>();
        Map<String, String> policyDocuments = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> resource : body.path("Resources").properties()) {
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::IoT::Thing" -> {
                    thingName = resolver.text(properties.path("ThingName"), "ThingName");
                    for (Map.Entry<String, JsonNode> attribute :
                            properties.path("AttributePayload").properties()) {
                        attributes.put(attribute.getKey(), resolver.text(attribute.getValue(), attribute.getKey()));
                    }
                    for (JsonNode group : properties.path("ThingGroups")) {
                        groups.add(resolver.text(group, "ThingGroups"));
                    }
                    JsonNode override =
                            resource.getValue().path("OverrideSettings").path("AttributePayload");
                    if (override.isTextual()) {
                        attributeOverride = override.asText();
                    }
                }
                case "AWS::IoT::Certificate" -> {
                    if (properties.has("CertificateId")) {
                        String referenced = resolver.text(properties.path("CertificateId"), "CertificateId");
                        if (!referenced.equals(certificateId)) {
                            throw ProvisioningException.invalid(
                                    "the certificate resource must refer to the certificate being provisioned");
                        }
                    }
                    if (properties.has("Status")) {
                        status = resolver.text(properties.path("Status"), "Status");
                    }
                }
                default -> policy(resource.getKey(), properties, resolver, policyNames, policyDocuments);
            }
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry :
                body.path("DeviceConfiguration").properties()) {
            configuration.put(entry.getKey(), resolver.text(entry.getValue(), entry.getKey()));
        }
        if (!status.equals("ACTIVE") && !status.equals("INACTIVE")) {
            throw ProvisioningException.invalid("a certificate Status is ACTIVE or INACTIVE, was " + status);
        }
        return new ProvisioningPlan(
                thingName, attributes, attributeOverride, groups, status, policyNames, policyDocuments, configuration);
    }

    private static void policy(
            String logicalName,
            JsonNode properties,
            Resolver resolver,
            List<String> names,
            Map<String, String> documents)
            throws ProvisioningException {
        if (properties.has("PolicyName") == properties.has("PolicyDocument")) {
            throw ProvisioningException.invalid(
                    "policy resource " + logicalName + " needs exactly one of PolicyName and PolicyDocument");
        }
        if (properties.has("PolicyName")) {
            names.add(resolver.text(properties.path("PolicyName"), "PolicyName"));
        } else {
            JsonNode document = properties.path("PolicyDocument");
            documents.put(logicalName, document.isTextual() ? document.asText() : document.toString());
        }
    }

    private Map<String, String> parameters(Map<String, String> supplied, String certificateId)
            throws ProvisioningException {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> declared : body.path("Parameters").properties()) {
            String name = declared.getKey();
            if (name.equals(CERTIFICATE_ID)) {
                continue;
            }
            String value = supplied.get(name);
            if (value == null && declared.getValue().has("Default")) {
                value = declared.getValue().path("Default").asText();
            }
            if (value == null) {
                throw ProvisioningException.invalid("parameter " + name + " has no value and no default");
            }
            values.put(name, value);
        }
        values.put(CERTIFICATE_ID, certificateId);
        return values;
    }

    /** Evaluates intrinsic functions; a value is a String or, from Fn::Split, a List of them. */
    private record Resolver(Map<String, String> parameters, JsonNode mappings) {

        String text(JsonNode node, String where) throws ProvisioningException {
            Object value = value(node, where);
            if (value instanceof String text) {
                return text;
            }
            throw ProvisioningException.invalid(where + " must resolve to a string, not a list");
        }

        Object value(JsonNode node, String where) throws ProvisioningException {
            if (node.isTextual() || node.isNumber() || node.isBoolean()) {
                return node.asText();
            }
            if (!node.isObject() || node.size() != 1) {
                throw ProvisioningException.invalid(where + " is neither a value nor one intrinsic function");
            }
            Map.Entry<String, JsonNode> function = node.properties().iterator().next();
            JsonNode arguments = function.getValue();
            return switch (function.getKey()) {
                case "Ref" -> ref(arguments.asText());
                case "Fn::Join" -> join(arguments, where);
                case "Fn::Select" -> select(arguments, where);
                case "Fn::Split" ->
                    List.of(text(arguments.path(1), where)
                            .split(Pattern.quote(arguments.path(0).asText()), -1));
                case "Fn::FindInMap" -> findInMap(arguments, where);
                case "Fn::Sub" -> sub(arguments.asText());
                default ->
                    throw ProvisioningException.invalid(where + " uses an unknown function " + function.getKey());
            };
        }

        private String ref(String name) throws ProvisioningException {
            String value = parameters.get(name);
            if (value == null) {
                throw ProvisioningException.invalid("Ref to " + name + ", which is not a declared parameter");
            }
            return value;
        }

        private String join(JsonNode arguments, String where) throws ProvisioningException {
            StringBuilder joined = new StringBuilder();
            JsonNode items = arguments.path(1);
            for (int i = 0; i < items.size(); i++) {
                joined.append(i > 0 ? arguments.path(0).asText() : "").append(text(items.get(i), where));
            }
            return joined.toString();
        }

        @SuppressWarnings("unchecked")
        private String select(JsonNode arguments, String where) throws ProvisioningException {
            Object list = arguments.path(1).isArray() ? null : value(arguments.path(1), where);
            List<String> items = new ArrayList<>();
            if (list instanceof List<?> resolved) {
                items.addAll((List<String>) resolved);
            } else {
                for (JsonNode item : arguments.path(1)) {
                    items.add(text(item, where));
                }
            }
            int index;
            try {
                index = Integer.parseInt(text(arguments.path(0), where));
            } catch (NumberFormatException e) {
                throw ProvisioningException.invalid(where + ": Fn::Select needs a number as its index");
            }
            if (index < 0 || index >= items.size()) {
                throw ProvisioningException.invalid(
                        where + ": Fn::Select index " + index + " is outside a list of " + items.size());
            }
            return items.get(index);
        }

        private String findInMap(JsonNode arguments, String where) throws ProvisioningException {
            String map = text(arguments.path(0), where);
            String first = text(arguments.path(1), where);
            String second = text(arguments.path(2), where);
            JsonNode found = mappings.path(map).path(first).path(second);
            if (!found.isValueNode()) {
                throw ProvisioningException.invalid(
                        where + ": Fn::FindInMap finds nothing at " + map + " / " + first + " / " + second);
            }
            return found.asText();
        }

        private String sub(String text) throws ProvisioningException {
            Matcher variable = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(out, Matcher.quoteReplacement(ref(variable.group(1))));
            }
            variable.appendTail(out);
            return out.toString();
        }
    }
}
