package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingDetail;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@code thing list} and {@code thing describe} print: AWS's list-things and describe-thing, or columns. */
final class ThingsOutput {

    private ThingsOutput() {}

    /** {@code {"things":[{"thingName","thingTypeName","thingArn","attributes","version"}]}}, as list-things. */
    static String listJson(List<ThingDescription> things) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("things");
        for (ThingDescription thing : things) {
            ObjectNode item = array.addObject();
            item.put("thingName", thing.thingName());
            if (thing.thingTypeName() != null) {
                item.put("thingTypeName", thing.thingTypeName());
            }
            item.put("thingArn", Arns.of("thing", thing.thingName()));
            attributes(item, thing.attributes());
            item.put("version", thing.version());
        }
        return OutputOption.print(answer);
    }

    static String listText(List<ThingDescription> things) {
        if (things.isEmpty()) {
            return CliMessages.say("things.none");
        }
        TextTable table = new TextTable(CliMessages.columns("things.columns"));
        for (ThingDescription thing : things) {
            table.row(
                    thing.thingName(),
                    TextTable.orDash(thing.thingTypeName()),
                    Long.toString(thing.version()),
                    TextTable.orDash(String.join(",", thing.thingGroupNames())),
                    TextTable.orDash(pairs(thing.attributes())));
        }
        return table.toString();
    }

    /** As describe-thing: AWS leaves the groups out (ListThingGroupsForThing has them), and so does this. */
    static String describeJson(ThingDescription thing) {
        ObjectNode answer = OutputOption.object();
        answer.put("defaultClientId", thing.thingName());
        answer.put("thingName", thing.thingName());
        answer.put("thingId", thing.thingId());
        answer.put("thingArn", Arns.of("thing", thing.thingName()));
        if (thing.thingTypeName() != null) {
            answer.put("thingTypeName", thing.thingTypeName());
        }
        attributes(answer, thing.attributes());
        answer.put("version", thing.version());
        return OutputOption.print(answer);
    }

    /** One line a field, with what a technician asks next: which certificates speak for it, which shadows it has. */
    static String describeText(ThingDescription thing, ThingDetail detail) {
        TextTable table = new TextTable(CliMessages.say("thing.row.thing"), thing.thingName())
                .row(CliMessages.say("thing.row.id"), thing.thingId())
                .row(CliMessages.say("thing.row.type"), TextTable.orDash(thing.thingTypeName()))
                .row(CliMessages.say("thing.row.version"), Long.toString(thing.version()))
                .row(CliMessages.say("thing.row.groups"), TextTable.orDash(String.join(", ", thing.thingGroupNames())))
                .row(CliMessages.say("thing.row.attributes"), TextTable.orDash(pairs(thing.attributes())))
                .row(
                        CliMessages.say("thing.row.certificates"),
                        TextTable.orDash(detail.certificates().stream()
                                .map(certificate -> certificate.shortId() + " " + certificate.status())
                                .collect(Collectors.joining(", "))))
                .row(
                        CliMessages.say("thing.row.shadows"),
                        TextTable.orDash(detail.shadowNames().stream()
                                .map(name -> name.isEmpty() ? CliMessages.say("thing.classicShadow") : name)
                                .collect(Collectors.joining(", "))));
        return table.toString();
    }

    private static void attributes(ObjectNode item, Map<String, String> attributes) {
        ObjectNode node = item.putObject("attributes");
        new TreeMap<>(attributes).forEach(node::put);
    }

    private static String pairs(Map<String, String> attributes) {
        return new TreeMap<>(attributes)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(","));
    }
}
