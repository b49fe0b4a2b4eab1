package io.fleetdeck.views.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hierarchy's shape, and what a group gets from the groups above it. */
class GroupHierarchyTest {

    private final GroupHierarchy groups =
            new GroupHierarchy(FakeGroups.demoSites().thingGroupHierarchy());

    @Test
    void sitesAreRootsWithTheirBuildingsAndFloorsBelowSortedByName() {
        assertThat(groups.roots())
                .extracting(ThingGroupSummary::name)
                .containsExactly("east-quay", "north-harbour", "quarantine", "west-yard");
        assertThat(groups.children("north-harbour"))
                .extracting(ThingGroupSummary::name)
                .containsExactly("north-harbour-b1", "north-harbour-b2", "north-harbour-b3");
        assertThat(groups.ancestors("north-harbour-b2-floor-3"))
                .extracting(ThingGroupSummary::name)
                .containsExactly("north-harbour-b2", "north-harbour");
        assertThat(groups.depth("north-harbour-b2-floor-3")).isEqualTo(3);
        assertThat(groups.isWithin("north-harbour-b2-floor-3", "north-harbour")).isTrue();
        assertThat(groups.isWithin("north-harbour", "north-harbour-b2-floor-3")).isFalse();
    }

    @Test
    void aFloorShowsItsOwnAttributesThenItsAncestorsNearestFirstMarkingOnesSetAgainBelow() {
        assertThat(groups.attributes("north-harbour-b3-floor-1"))
                .extracting(Entry::name, Entry::value, Entry::from, Entry::inherited, Entry::overridden)
                .containsExactly(
                        tuple("floor", "1", "north-harbour-b3-floor-1", false, false),
                        tuple("address", "Quay road 43", "north-harbour-b3", true, false),
                        tuple("timezone", "UTC", "north-harbour-b3", true, false),
                        tuple("region", "north-east", "north-harbour", true, false),
                        tuple("timezone", "Europe/Oslo", "north-harbour", true, true));
    }

    @Test
    void policiesOfEveryGroupAboveApplyAndSaySoWhereTheyComeFrom() {
        assertThat(groups.policies("north-harbour-b2-floor-3"))
                .extracting(Entry::name, Entry::from, Entry::inherited)
                .containsExactly(
                        tuple("cold-store-alarms", "north-harbour-b2", true),
                        tuple("north-harbour-telemetry", "north-harbour", true));
        assertThat(groups.policies("quarantine"))
                .extracting(Entry::name, Entry::inherited)
                .containsExactly(tuple("deny-all-but-shadow", false));
    }

    @Test
    void aGroupWhoseParentIsUnknownShowsAtTheTop() {
        GroupHierarchy partial = new GroupHierarchy(List.of(
                new ThingGroupSummary("floor-1", List.of("building-gone"), Map.of(), List.of(), 0, 0),
                new ThingGroupSummary("site", List.of(), Map.of(), List.of(), 0, 0)));

        assertThat(partial.roots()).extracting(ThingGroupSummary::name).containsExactly("floor-1", "site");
    }
}
