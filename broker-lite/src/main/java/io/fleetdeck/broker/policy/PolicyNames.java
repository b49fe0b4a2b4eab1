package io.fleetdeck.broker.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names an AWS IoT policy may use: its actions (AWS-IOT-BEHAVIOUR §5.6) and its policy variables and condition
 * keys (§5.7), to warn about the ones that match nothing. Only warnings come of this: AWS's CreatePolicy accepts an
 * unknown name (its validator checks the grammar, as IAM's does), and a name AWS adds later must not break a policy.
 */
final class PolicyNames {

    /** Every action an AWS IoT Core policy grants, as AWS spells them (matching ignores case, as IAM does). */
    static final List<String> ACTIONS = List.of(
            "iot:Connect",
            "iot:Publish",
            "iot:Subscribe",
            "iot:Receive",
            "iot:RetainPublish",
            "iot:GetRetainedMessage",
            "iot:ListRetainedMessages",
            "iot:UpdateThingShadow",
            "iot:GetThingShadow",
            "iot:DeleteThingShadow",
            "iot:ListNamedShadowsForThing",
            "iot:DescribeJobExecution",
            "iot:GetPendingJobExecutions",
            "iot:UpdateJobExecution",
            "iot:StartNextPendingJobExecution",
            "iot:AssumeRoleWithCertificate");

    private static final List<String> PLAIN_KEYS = List.of(
            "iot:ClientId",
            "aws:SourceIp",
            "aws:CurrentTime",
            "aws:EpochTime",
            "iot:Certificate.SerialNumber",
            "iot:Connection.Thing.IsAttached",
            "iot:Connection.Thing.ThingName",
            "iot:Connection.Thing.ThingTypeName",
            // Fleetdeck's own, for the claim policy: AWS would warn about it, as it knows no such key
            PolicyVariables.CLIENT_ID_IS_REGISTERED_THING);

    private static final Set<String> CERTIFICATE_ATTRIBUTES = Set.of(
            "CommonName",
            "Country",
            "Organization",
            "OrganizationalUnit",
            "State",
            "SerialNumber",
            "DistinguishedNameQualifier",
            "Title",
            "Surname",
            "GivenName",
            "Initials",
            "Pseudonym",
            "GenerationQualifier");

    private static final Set<String> ALTERNATIVE_NAMES =
            Set.of("RFC822Name", "DNSName", "DirectoryName", "UniformResourceIdentifier", "IPAddress");

    private static final Pattern THING_ATTRIBUTE = Pattern.compile("iot:Connection\\.Thing\\.Attributes\\[[^\\]]+]");
    private static final Pattern CERTIFICATE =
            Pattern.compile("iot:Certificate\\.(Subject|Issuer)\\.(AlternativeName\\.)?(\\w+)(\\.(\\d+|List))?");

    private PolicyNames() {}

    /** Whether the action pattern (IAM wildcards allowed) names at least one AWS IoT action. */
    static boolean matchesAnAction(String pattern) {
        PolicyPattern compiled = PolicyPattern.compile(pattern, false, null);
        return ACTIONS.stream().anyMatch(compiled::matchesIgnoringCase);
    }

    /** Whether AWS IoT knows this variable or condition key (§5.7); the {@code ${*}}-style escapes are not names. */
    static boolean isVariable(String name) {
        if (PLAIN_KEYS.contains(name) || THING_ATTRIBUTE.matcher(name).matches()) {
            return true;
        }
        var certificate = CERTIFICATE.matcher(name);
        if (!certificate.matches()) {
            return false;
        }
        boolean alternative = certificate.group(2) != null;
        return alternative
                ? certificate.group(1).equals("Subject") && ALTERNATIVE_NAMES.contains(certificate.group(3))
                : CERTIFICATE_ATTRIBUTES.contains(certificate.group(3));
    }

    /** The known action or key closest to a typo (at most two edits, ignoring case), or null. */
    static @Nullable String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    static List<String> plainKeys() {
        return PLAIN_KEYS;
    }

    /** Levenshtein distance; names are short, so the plain table is fine. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
