package io.fleetdeck.api.groups;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thing groups: static hierarchies and dynamic groups. Refusals carry the registry's words and AWS's codes ({@code
 * ResourceNotFoundException}, {@code ResourceAlreadyExistsException}, {@code InvalidRequestException}, {@code
 * InvalidQueryException} for a dynamic group's query, {@code LimitExceededException}).
 */
public interface GroupService {

    /** Every group with its members counted, parents before their children: the console's tree. */
    List<ThingGroupSummary> thingGroupHierarchy() throws FleetApiException;

    ThingGroupSummary describeThingGroup(String name) throws FleetApiException;

    /** A static group, under {@code parent} when given. */
    ThingGroupSummary createThingGroup(String name, @Nullable String parent) throws FleetApiException;

    /** A dynamic group; it answers at once with status BUILDING or ACTIVE, its members follow the index. */
    ThingGroupSummary createDynamicThingGroup(String name, String queryString) throws FleetApiException;

    ThingGroupSummary updateDynamicThingGroup(String name, String queryString) throws FleetApiException;

    /**
     * UpdateThingGroup's attributes: the group's own attributes become exactly {@code attributes} (a key left out is
     * removed). AWS's limits hold: at most 50, names and values of {@code [a-zA-Z0-9_.,@/:#-]}.
     */
    ThingGroupSummary updateThingGroupAttributes(String name, Map<String, String> attributes) throws FleetApiException;

    /** The console's rename: the group keeps its members, children and policies. */
    ThingGroupSummary renameThingGroup(String name, String newName) throws FleetApiException;

    void deleteThingGroup(String name) throws FleetApiException;

    /** Moves a static group under {@code newParent}, or to the top when null. */
    ThingGroupSummary moveThingGroup(String name, @Nullable String newParent) throws FleetApiException;

    /** Moves a thing from one static group ({@code fromGroup}; null: from none) to another, in one change. */
    void moveThing(String thingName, @Nullable String fromGroup, String toGroup) throws FleetApiException;

    /** ListThingsInThingGroup: the members by name, of the group alone or with every group below it. */
    Page<String> listThingsInThingGroup(String name, boolean recursive, PageRequest page) throws FleetApiException;
}
