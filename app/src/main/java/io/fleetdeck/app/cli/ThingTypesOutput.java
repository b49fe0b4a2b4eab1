package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.things.ThingTypeDescription;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code thing-type list} and {@code thing-type describe} print: AWS's list-thing-types shape, or columns. */
final class ThingTypesOutput {

    private ThingTypesOutput() {}

    /** {@code {"thingTypes":[{"thingTypeName","thingTypeArn","thingTypeProperties","thingTypeMetadata"}]}}. */
    static String listJson(List<ThingTypeDescription> types) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("thingTypes");
        types.forEach(type -> fill(array.addObject(), type));
        return OutputOption.print(answer);
    }

    static String describeJson(ThingTypeDescription type) {
        ObjectNode answer = OutputOption.object();
        fill(answer, type);
        return OutputOption.print(answer);
    }

    private static void fill(ObjectNode node, ThingTypeDescription type) {
        node.put("thingTypeName", type.thingTypeName());
        node.put("thingTypeArn", Arns.of("thingtype", type.thingTypeName()));
        ObjectNode properties = node.putObject("thingTypeProperties");
        if (type.description() != null) {
            properties.put("thingTypeDescription", type.description());
        }
        ArrayNode searchable = properties.putArray("searchableAttributes");
        type.searchableAttributes().forEach(searchable::add);
        ObjectNode metadata = node.putObject("thingTypeMetadata");
        metadata.put("deprecated", type.deprecated());
        if (type.deprecationDate() != null) {
            metadata.put("deprecationDate", type.deprecationDate().toString());
        }
        metadata.put("creationDate", type.creationDate().toString());
    }

    static String listText(List<ThingTypeDescription> types) {
        if (types.isEmpty()) {
            return CliMessages.say("thingTypes.none");
        }
        TextTable table = new TextTable(CliMessages.columns("thingTypes.columns"));
        for (ThingTypeDescription type : types) {
            table.row(
                    type.thingTypeName(),
                    status(type),
                    type.creationDate().toString(),
                    TextTable.orDash(String.join(",", type.searchableAttributes())),
                    TextTable.orDash(type.description()));
        }
        return table.toString();
    }

    static String describeText(ThingTypeDescription type) {
        @Nullable Instant deprecated = type.deprecationDate();
        return new TextTable(CliMessages.say("thingType.row.thingType"), type.thingTypeName())
                .row(
                        CliMessages.say("thingType.row.status"),
                        deprecated == null
                                ? status(type)
                                : CliMessages.say("thingType.since", status(type), deprecated.toString()))
                .row(
                        CliMessages.say("thingType.row.created"),
                        type.creationDate().toString())
                .row(
                        CliMessages.say("thingType.row.searchable"),
                        TextTable.orDash(String.join(", ", type.searchableAttributes())))
                .row(CliMessages.say("thingType.row.description"), TextTable.orDash(type.description()))
                .toString();
    }

    private static String status(ThingTypeDescription type) {
        return CliMessages.say(type.deprecated() ? "thingTypes.deprecated" : "thingTypes.active");
    }
}
