package io.fleetdeck.broker.policy;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of policy variables and condition keys for one principal (AWS-IOT-BEHAVIOUR §5.7). A variable that cannot
 * be resolved yields no value, and its {@code ${...}} text stays in the resource, which then never matches.
 */
final class PolicyVariables {

    /** Certificate values holding these characters are not substituted: they would act as wildcards. */
    private static final String WILDCARD_CHARACTERS = "*$+?#";

    private static final int MAX_VALUE_LENGTH = 1024;
    private static final int MAX_MULTI_VALUES = 5;
    private static final String THING = "iot:Connection.Thing.";
    /** Fleetdeck's own condition key: AWS has none that tells a registered thing's client id from any other. */
    static final String CLIENT_ID_IS_REGISTERED_THING = "fleetdeck:ClientIdIsRegisteredThing";

    private static final String SUBJECT = "iot:Certificate.Subject.";
    private static final String ISSUER = "iot:Certificate.Issuer.";

    private PolicyVariables() {}

    /** The single value a {@code ${name}} stands for in a resource or condition value, or null. */
    static @Nullable String single(String name, PrincipalContext principal) {
        List<String> values = values(name, principal);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a key, for conditions; empty when the key is absent from this request. */
    static List<String> values(String name, PrincipalContext principal) {
        List<String> values = rawValues(name, principal);
        return values.stream()
                .filter(value -> value != null && value.length() <= MAX_VALUE_LENGTH)
                .toList();
    }

    private static List<String> rawValues(String name, PrincipalContext principal) {
        switch (name) {
            case "iot:ClientId":
                return listOf(principal.clientId());
            case "aws:SourceIp":
                return listOf(principal.sourceIp());
            case "aws:CurrentTime":
                return listOf(DateTimeFormatter.ISO_INSTANT.format(principal.now()));
            case "aws:EpochTime":
                return listOf(Long.toString(principal.now().getEpochSecond()));
            case "iot:Certificate.SerialNumber":
                return listOf(principal.certificateSerial());
            case "iot:Connection.Thing.IsAttached":
                return List.of(Boolean.toString(principal.attachedThings().contains(principal.clientId())));
            case CLIENT_ID_IS_REGISTERED_THING:
                return List.of(Boolean.toString(principal.clientIdIsRegisteredThing()));
            default:
                break;
        }
        if (name.startsWith(THING)) {
            return thingValue(name.substring(THING.length()), principal);
        }
        if (name.startsWith(SUBJECT)) {
            return certificateValue(name.substring(SUBJECT.length()), principal.subject(), principal);
        }
        if (name.startsWith(ISSUER)) {
            return certificateValue(name.substring(ISSUER.length()), principal.issuer(), principal);
        }
        return List.of();
    }

    private static List<String> thingValue(String field, PrincipalContext principal) {
        PrincipalContext.Thing thing = principal.thing();
        if (thing == null) {
            return List.of();
        }
        if (field.equals("ThingName")) {
            return List.of(thing.name());
        }
        if (field.equals("ThingTypeName")) {
            return listOf(thing.typeName());
        }
        if (field.startsWith("Attributes[") && field.endsWith("]")) {
            return listOf(thing.attributes().get(field.substring("Attributes[".length(), field.length() - 1)));
        }
        return List.of();
    }

    /** {@code CommonName}, {@code CommonName.1} (the second value), {@code CommonName.List}, AlternativeName.* */
    private static List<String> certificateValue(
            String field, Map<String, List<String>> attributes, PrincipalContext principal) {
        Map<String, List<String>> source = attributes;
        String attribute = field;
        if (field.startsWith("AlternativeName.")) {
            if (attributes != principal.subject()) {
                return List.of(); // issuer alternative names are not carried
            }
            source = principal.alternativeNames();
            attribute = field.substring("AlternativeName.".length());
        }
        int dot = attribute.lastIndexOf('.');
        String suffix = dot < 0 ? "" : attribute.substring(dot + 1);
        String base = dot < 0 ? attribute : attribute.substring(0, dot);
        List<String> all = source.getOrDefault(suffix.isEmpty() ? attribute : base, List.of()).stream()
                .limit(MAX_MULTI_VALUES)
                .filter(PolicyVariables::safeCertificateValue)
                .toList();
        if (suffix.equals("List")) {
            return all;
        }
        if (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(suffix);
            return index < all.size() ? List.of(all.get(index)) : List.of();
        }
        List<String> plain = source.getOrDefault(attribute, List.of());
        return plain.isEmpty() || !safeCertificateValue(plain.getFirst()) ? List.of() : List.of(plain.getFirst());
    }

    private static boolean safeCertificateValue(String value) {
        return value.chars().noneMatch(c -> WILDCARD_CHARACTERS.indexOf(c) >= 0);
    }

    private static List<String> listOf(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }
}
