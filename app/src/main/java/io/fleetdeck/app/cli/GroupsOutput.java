package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.groups.ThingGroupSummary;
import java.util.List;

/** What {@code group list} prints: AWS's list-thing-groups, or the groups with their parents and members. */
final class GroupsOutput {

    private GroupsOutput() {}

    /** {@code {"thingGroups":[{"groupName","groupArn"}]}}: list-thing-groups gives no more. */
    static String listJson(List<ThingGroupSummary> groups) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("thingGroups");
        for (ThingGroupSummary group : groups) {
            array.addObject().put("groupName", group.name()).put("groupArn", Arns.of("thinggroup", group.name()));
        }
        return OutputOption.print(answer);
    }

    static String listText(List<ThingGroupSummary> groups) {
        if (groups.isEmpty()) {
            return CliMessages.say("groups.none");
        }
        TextTable table = new TextTable(CliMessages.columns("groups.columns"));
        for (ThingGroupSummary group : groups) {
            table.row(
                    group.name(),
                    TextTable.orDash(group.parent()),
                    group.isDynamic()
                            ? CliMessages.say("groups.dynamic", String.valueOf(group.dynamicStatus()))
                            : CliMessages.say("groups.static"),
                    Integer.toString(group.directMembers()),
                    Integer.toString(group.totalMembers()),
                    TextTable.orDash(group.dynamicQuery()));
        }
        return table.toString();
    }
}
