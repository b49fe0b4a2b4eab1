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
        List<Statement> statements = new ArrayList<>();
        for (PositionedJson item : statementJson.objectOrObjects("Statement")) {
            statements.add(statement(statements.size(), item));
        }
        return new PolicyDocument(version, statements, version.equals("2012-10-17"));
    }

    private static String version(PositionedJson json) throws PolicyDocumentException {
        String version = json.string("Version");
        if (!VERSIONS.contains(version)) {
            throw json.error("Version must be \"2012-10-17\" (or the older \"2008-10-17\"), was \"" + version + "\"");
        }
        return version;
    }

    private static Statement statement(int index, PositionedJson json) throws PolicyDocumentException {
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
                actions(required(json, members, "Action")),
                resources(required(json, members, "Resource")),
                members.containsKey("Condition") ? conditions(members.get("Condition")) : List.of());
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

    private static List<String> actions(PositionedJson json) throws PolicyDocumentException {
        List<String> actions = new ArrayList<>();
        for (PositionedJson item : json.stringOrStrings("Action")) {
            String action = (String) item.value();
            if (!ACTION.matcher(action).matches()) {
                throw item.error("an action is service:name, such as iot:Publish or iot:*, was \"" + action + "\"");
            }
            actions.add(action);
        }
        return actions;
    }

    private static List<String> resources(PositionedJson json) throws PolicyDocumentException {
        List<String> resources = new ArrayList<>();
        for (PositionedJson item : json.stringOrStrings("Resource")) {
            String resource = (String) item.value();
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw item.error("a resource is \"*\" or an ARN such as"
                        + " arn:aws:iot:us-east-1:123456789012:topic/dt/*, was \"" + resource + "\"");
            }
            resources.add(resource);
        }
        return resources;
    }

    private static List<Condition> conditions(PositionedJson json) throws PolicyDocumentException {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, PositionedJson> block : json.object("Condition").entrySet()) {
            String operator = block.getKey();
            if (!ConditionOperators.isKnown(operator)) {
                throw block.getValue().error("unknown condition operator \"" + operator + "\"");
            }
            for (Map.Entry<String, PositionedJson> test :
                    block.getValue().object(operator).entrySet()) {
                conditions.add(new Condition(operator, test.getKey(), conditionValues(test.getValue())));
            }
        }
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> conditionValues(PositionedJson json) throws PolicyDocumentException {
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
            values.add(String.valueOf(value));
        }
        return values;
    }
}
