package io.fleetdeck.fleet.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * AWS's rules for what a registry request may say, whatever it changes (AWS-IOT-BEHAVIOUR §4): names, attributes,
 * expected versions, and what a dynamic group refuses. Stateless.
 */
final class RegistryRules {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]{1,128}");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");

    private RegistryRules() {}

    static void checkName(String what, String name) throws RegistryException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    "a " + what + " name is 1-128 characters of letters, digits and :_-, was \"" + name + "\"");
        }
    }

    static void checkAttributes(Map<String, String> attributes, int max) throws RegistryException {
        if (attributes.size() > max) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    attributes.size() + " attributes, more than the " + max + " allowed"
                            + (max == 3 ? " without a thing type" : ""));
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!ATTRIBUTE_NAME.matcher(attribute.getKey()).matches()
                    || !ATTRIBUTE_VALUE.matcher(attribute.getValue()).matches()) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST,
                        "attribute " + attribute.getKey() + "=" + attribute.getValue()
                                + " has characters AWS does not allow");
            }
        }
    }

    /** AWS's attribute update: merged into the current ones or replacing them; an empty value removes one. */
    static Map<String, String> changedAttributes(
            Map<String, String> current, Map<String, String> requested, boolean merge) {
        Map<String, String> next = new LinkedHashMap<>(merge ? current : Map.of());
        requested.forEach((key, value) -> {
            if (value.isEmpty()) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
        });
        return next;
    }

    /** An update under an expected version (none: any) is refused when something else changed the version first. */
    static void checkVersion(String what, String name, long version, @Nullable Long expectedVersion)
            throws RegistryException {
        if (expectedVersion != null && expectedVersion != version) {
            throw new RegistryException(
                    RegistryException.VERSION_CONFLICT,
                    what + " " + name + " is at version " + version + ", not " + expectedVersion);
        }
    }

    static void refuseDynamic(ThingGroup group, String what) throws RegistryException {
        if (group.isDynamic()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "dynamic thing group " + group.name() + " cannot " + what);
        }
    }
}
