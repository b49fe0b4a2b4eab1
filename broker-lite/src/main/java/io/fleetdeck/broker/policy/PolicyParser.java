package io.fleetdeck.broker.policy;

import io.fleetdeck.broker.policy.PolicyDocument.Condition;
import io.fleetdeck.broker.policy.PolicyDocument.Effect;
import io.fleetdeck.broker.policy.PolicyDocument.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an AWS IoT policy document (AWS-IOT-BEHAVIOUR §5.5) and checks every rule before anything is used: a broken
 * document is refused whole, with the line, column and reason, never applied in part.
 */
public final class PolicyParser {

    /** AWS's limit: 2048 characters, not counting whitespace. */
    public static final int MAX_CHARACTERS = 2048;

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "Resource", "Condition", "NotAction", "NotResource", "Principal");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+");

    private PolicyParser() {}

    public static PolicyDocument parse(String text) throws PolicyDocumentException {
        return check(text).document();
    }

    /**
     * Parses like {@link #parse} and also says what almost certainly does not do what was meant: an action AWS IoT
     * does not have, a policy variable or condition key it does not know, a variable where variables are off. AWS
     * accepts these (CreatePolicy validates grammar, not names), so they are warnings, never refusals.
     */
    public static PolicyCheck check(String text) throws PolicyDocumentException {
        Warnings warnings = new Warnings(text);
        int significant =
                (int) text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (significant > MAX_CHARACTERS) {
            throw new PolicyDocumentException(
                    1,
                    1,
                    "the document has " + significant + " characters without whitespace, more than " + MAX_CHARACTERS);
        }
        Map<String, PositionedJson> root = PositionedJson.read(text).object("a policy document");
        String version = "2008-10-17";
        for (Map.Entry<String, PositionedJson> member : root.entrySet()) {
            switch (member.getKey()) {
                case "Version" -> version = version(member.getValue());
                case "Statement", "Id" -> {}
                default ->
                    throw member.getValue()
                            .error("unknown key \"" + member.getKey()
                                    + "\" in a policy document (expected Version, Statement)");
            }
        }
        PositionedJson statementJson = root.get("Statement");
        if (statementJson == null) {
            throw new PolicyDocumentException(1, 1, "a policy document needs a Statement");
        }
        boolean variablesEnabled = version.equals("2012-10-17");
        List<Statement> statements = new ArrayList<>();
        for (PositionedJson item : statementJson.objectOrObjects("Statement")) {
            statements.add(statement(statements.size(), item, warnings, variablesEnabled));
        }
        return new PolicyCheck(new PolicyDocument(version, statements, variablesEnabled), warnings.list);
    }

    private static String version(PositionedJson json) throws PolicyDocumentException {
        String version = json.string("Version");
        if (!VERSIONS.contains(version)) {
            throw json.error("Version must be \"2012-10-17\" (or the older \"2008-10-17\"), was \"" + version + "\"");
        }
        return version;
    }

    private static Statement statement(int index, PositionedJson json, Warnings warnings, boolean variables)
            throws PolicyDocumentException {
        Map<String, PositionedJson> members = json.object("a statement");
        for (Map.Entry<String, PositionedJson> member : members.entrySet()) {
            String key = member.getKey();
            if (!STATEMENT_KEYS.contains(key)) {
                throw member.getValue().error("unknown key \"" + key + "\" in a statement");
            }
            if (key.equals("NotAction") || key.equals("NotResource") || key.equals("Principal")) {
                throw member.getValue().error(key + " is not supported in AWS IoT policies; use Action and Resource");
            }
        }
        String sid = members.containsKey("Sid") ? members.get("Sid").string("Sid") : null;
        return new Statement(
                index,
                sid,
                effect(required(json, members, "Effect")),
                actions(required(json, members, "Action"), warnings),
                resources(required(json, members, "Resource"), warnings, variables),
                members.containsKey("Condition")
                        ? conditions(members.get("Condition"), warnings, variables)
                        : List.of());
    }

    private static PositionedJson required(PositionedJson statement, Map<String, PositionedJson> members, String key)
            throws PolicyDocumentException {
        PositionedJson value = members.get(key);
        if (value == null) {
            throw statement.error("a statement needs " + key);
        }
        return value;
    }

    private static Effect effect(PositionedJson json) throws PolicyDocumentException {
        return switch (json.string("Effect")) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw json.error("Effect must be \"Allow\" or \"Deny\", was \"" + json.value() + "\"");
        };
    }

    private static List<String> actions(PositionedJson json, Warnings warnings) throws PolicyDocumentException {
        List<String> actions = new ArrayList<>();
        for (PositionedJson item : json.stringOrStrings("Action")) {
            String action = item.text();
            if (!ACTION.matcher(action).matches()) {
                throw item.error("an action is service:name, such as iot:Publish or iot:*, was \"" + action + "\"");
            }
            if (!PolicyNames.matchesAnAction(action)) {
                warnings.add(
                        new int[] {item.line(), item.column()},
                        "\"" + action + "\" is not an AWS IoT action, so it allows or denies nothing"
                                + meant(action, PolicyNames.ACTIONS));
            }
            actions.add(action);
        }
        return actions;
    }

    private static List<String> resources(PositionedJson json, Warnings warnings, boolean variables)
            throws PolicyDocumentException {
        List<String> resources = new ArrayList<>();
        for (PositionedJson item : json.stringOrStrings("Resource")) {
            String resource = item.text();
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw item.error("a resource is \"*\" or an ARN such as"
                        + " arn:aws:iot:us-east-1:123456789012:topic/dt/*, was \"" + resource + "\"");
            }
            checkVariables(item, warnings, variables, "this resource matches nothing");
            resources.add(resource);
        }
        return resources;
    }

    private static List<Condition> conditions(PositionedJson json, Warnings warnings, boolean variables)
            throws PolicyDocumentException {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, PositionedJson> block : json.object("Condition").entrySet()) {
            String operator = block.getKey();
            if (!ConditionOperators.isKnown(operator)) {
                throw block.getValue().error("unknown condition operator \"" + operator + "\"");
            }
            for (Map.Entry<String, PositionedJson> test :
                    block.getValue().object(operator).entrySet()) {
                String key = test.getKey();
                if (!PolicyNames.isVariable(key)) {
                    warnings.add(
                            keyPosition(block.getValue(), key, warnings.text),
                            "\"" + key + "\" is not a condition key, so it has no value in any request"
                                    + meant(key, PolicyNames.plainKeys()));
                }
                conditions.add(new Condition(operator, key, conditionValues(test.getValue(), warnings, variables)));
            }
        }
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> conditionValues(PositionedJson json, Warnings warnings, boolean variables)
            throws PolicyDocumentException {
        List<PositionedJson> items = json.value() instanceof List<?> list ? (List<PositionedJson>) list : List.of(json);
        if (items.isEmpty()) {
            throw json.error("a condition needs at least one value");
        }
        List<String> values = new ArrayList<>();
        for (PositionedJson item : items) {
            Object value = item.value();
            if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
                throw item.error("a condition value must be a string, a number or true/false");
            }
            if (value instanceof String) {
                checkVariables(item, warnings, variables, "this value matches nothing");
            }
            values.add(String.valueOf(value));
        }
        return values;
    }

    /** Each {@code ${name}} in a string: unknown names, and names that stay literal because variables are off. */
    private static void checkVariables(PositionedJson item, Warnings warnings, boolean variables, String consequence) {
        String text = item.text();
        for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", start + 2)) {
            int close = text.indexOf('}', start);
            if (close < 0) {
                return;
            }
            String name = text.substring(start + 2, close);
            if (name.equals("*") || name.equals("?") || name.equals("$")) {
                continue; // IAM's escapes for a literal *, ? and $
            }
            String variable = "${" + name + "}";
            if (!variables) {
                warnings.add(
                        item,
                        start,
                        variable + " stays as written: policy variables are filled in only with \"Version\":"
                                + " \"2012-10-17\"");
            } else if (!PolicyNames.isVariable(name)) {
                warnings.add(
                        item,
                        start,
                        variable + " is not a policy variable, so it is never filled in and " + consequence
                                + meant(name, PolicyNames.plainKeys()));
            }
        }
    }

    private static String meant(String name, List<String> known) {
        String closest = PolicyNames.closest(name, known);
        return closest == null ? "" : " (did you mean " + closest + "?)";
    }

    /** Where a condition's key is written: the first {@code "key"} after its block starts, else the block. */
    private static int[] keyPosition(PositionedJson block, String key, String text) {
        int blockOffset = Warnings.offsetOf(text, block.line(), block.column());
        int at = blockOffset < 0 ? -1 : text.indexOf("\"" + key + "\"", blockOffset);
        return at < 0 ? new int[] {block.line(), block.column()} : Warnings.lineAndColumn(text, at);
    }

    /** The warnings of one parse, with the text they point into. */
    private static final class Warnings {

        final String text;
        final List<PolicyWarning> list = new ArrayList<>();

        Warnings(String text) {
            this.text = text;
        }

        void add(int[] where, String message) {
            list.add(new PolicyWarning(where[0], where[1], message));
        }

        /** A warning about the character at {@code index} of a string value, placed where it is in the text. */
        void add(PositionedJson string, int index, String message) {
            int quote = offsetOf(text, string.line(), string.column());
            if (quote < 0 || text.charAt(quote) != '"') {
                list.add(new PolicyWarning(string.line(), string.column(), message));
                return;
            }
            int raw = quote + 1;
            for (int decoded = 0; decoded < index && raw < text.length(); decoded++) {
                raw += text.charAt(raw) != '\\' ? 1 : text.charAt(raw + 1) == 'u' ? 6 : 2;
            }
            add(lineAndColumn(text, raw), message);
        }

        /** The offset of a 1-based line and column (Jackson counts both in chars), or -1. */
        static int offsetOf(String text, int line, int column) {
            int offset = 0;
            for (int current = 1; current < line; current++) {
                offset = text.indexOf('\n', offset) + 1;
                if (offset == 0) {
                    return -1;
                }
            }
            int at = offset + column - 1;
            return at < text.length() ? at : -1;
        }

        static int[] lineAndColumn(String text, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, offset - lineStart + 1};
        }
    }
}
