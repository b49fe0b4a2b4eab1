package io.fleetdeck.views.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.ViewTasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Groups view's state without a screen: actions and reads run at once on the calling thread. */
class GroupsViewModelTest {

    private final FakeGroups directory = FakeGroups.demoSites();
    private final GroupsViewModel model = new GroupsViewModel(directory, ViewTasks.callingThread());

    @Test
    void selectingAGroupShowsItsMembersAndWhatItInherits() {
        model.apply(directory.thingGroupHierarchy());

        model.selectGroup("north-harbour-b2-floor-3");

        assertThat(model.members())
                .hasSize(10)
                .contains("north-harbour-b2-f3-cold-store-ambient-temperature-and-humidity-sensor-0007");
        assertThat(model.attributes()).extracting(GroupHierarchy.Entry::name).contains("floor", "address", "region");
        assertThat(model.policies())
                .extracting(GroupHierarchy.Entry::name)
                .containsExactly("cold-store-alarms", "north-harbour-telemetry");
        assertThat(model.selectedGroup().totalMembers()).isEqualTo(10);
    }

    @Test
    void aGroupsAttributeIsChangedAddedAndRemovedEachInOneWrite() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("north-harbour-b2-floor-3");

        model.setAttribute("floor", " 3a ");
        model.addAttribute(" wing ", "east");
        model.addAttribute("retired", "yes");
        model.removeAttribute("retired");

        assertThat(directory.actions)
                .containsExactly(
                        "set attributes of north-harbour-b2-floor-3 to {floor=3a}",
                        "set attributes of north-harbour-b2-floor-3 to {floor=3a, wing=east}",
                        "set attributes of north-harbour-b2-floor-3 to {floor=3a, retired=yes, wing=east}",
                        "set attributes of north-harbour-b2-floor-3 to {floor=3a, wing=east}");
        assertThat(model.attributes())
                .filteredOn(entry -> !entry.inherited())
                .extracting(GroupHierarchy.Entry::name, GroupHierarchy.Entry::value)
                .containsExactlyInAnyOrder(tuple("floor", "3a"), tuple("wing", "east"));
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.success("Removed attribute retired from group north-harbour-b2-floor-3."));

        model.setAttribute("wing", "");
        assertThat(model.selectedGroup().attributes()).containsExactly(Map.entry("floor", "3a"));
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.success("Removed attribute wing from group north-harbour-b2-floor-3."));
    }

    @Test
    void anAttributeWithoutANameOrValueOrTwiceIsRefusedBeforeTheRegistryAndABadCharacterInItsWords() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("north-harbour-b2-floor-3");

        model.addAttribute(" ", "east");
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.error("The attribute with value east has no name; enter one."));
        model.addAttribute("floor ", "4");
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.error("Group already has attribute floor; change its value in the list."));
        model.addAttribute("wing", " ");
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.error("Attribute wing needs a value."));
        assertThat(directory.actions).isEmpty();

        model.addAttribute("wing", "east side");
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.error("Could not save the attributes of group north-harbour-b2-floor-3: attribute"
                        + " wing=east side has characters AWS does not allow"));
        assertThat(model.selectedGroup().attributes()).containsExactly(Map.entry("floor", "3"));
    }

    @Test
    void aPolicyIsAttachedToTheSelectedGroupFromThoseNotOnItAndDetachedAgain() {
        GroupsViewModel withPolicies =
                new GroupsViewModel(directory, new FakeGroupPolicies(directory), ViewTasks.callingThread());
        withPolicies.apply(directory.thingGroupHierarchy());
        withPolicies.selectGroup("north-harbour-b2");
        List<List<String>> offered = new java.util.ArrayList<>();

        withPolicies.readAttachablePolicies(offered::add);
        assertThat(offered.getLast()).doesNotContain("cold-store-alarms").contains("firmware-updates");
        withPolicies.attachPolicy("firmware-updates");

        assertThat(directory.actions).containsExactly("attach firmware-updates to north-harbour-b2");
        assertThat(withPolicies.policies())
                .filteredOn(entry -> !entry.inherited())
                .extracting(GroupHierarchy.Entry::name)
                .containsExactly("cold-store-alarms", "firmware-updates");
        assertThat(withPolicies.noticeProperty().get())
                .isEqualTo(Notice.success("Attached policy firmware-updates to group north-harbour-b2: it applies to"
                        + " the things in it and below it."));

        withPolicies.detachPolicy("cold-store-alarms");
        assertThat(withPolicies.policies())
                .filteredOn(entry -> !entry.inherited())
                .extracting(GroupHierarchy.Entry::name)
                .containsExactly("firmware-updates");
        assertThat(model.canEditPolicies())
                .as("without the certificates' service: shown only")
                .isFalse();
    }

    @Test
    void creatingUnderTheSelectedGroupSelectsTheNewGroup() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("east-quay-b1");

        model.create("east-quay-b1-roof", "east-quay-b1");

        assertThat(directory.actions).containsExactly("create east-quay-b1-roof under east-quay-b1");
        assertThat(model.selectedProperty().get()).isEqualTo("east-quay-b1-roof");
        assertThat(model.hierarchyProperty().get().group("east-quay-b1-roof").parent())
                .isEqualTo("east-quay-b1");
        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.success("Created group east-quay-b1-roof under east-quay-b1."));
    }

    @Test
    void theRegistrysRefusalIsShownInItsOwnWords() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("north-harbour-b2");

        model.delete();

        assertThat(model.noticeProperty().get())
                .isEqualTo(Notice.error("Could not delete group north-harbour-b2: thing group north-harbour-b2 is not"
                        + " empty: it has 4 child groups and 0 things"));
        assertThat(model.selectedProperty().get()).isEqualTo("north-harbour-b2");
    }

    @Test
    void aGroupCannotMoveUnderItsOwnSubgroupAndTheRegistryIsNotAsked() {
        model.apply(directory.thingGroupHierarchy());

        model.moveGroup("north-harbour", "north-harbour-b2-floor-3");

        assertThat(directory.actions).isEmpty();
        assertThat(model.noticeProperty().get().text())
                .isEqualTo("Group north-harbour cannot move under north-harbour-b2-floor-3: that group is inside it.");
    }

    @Test
    void movingAThingTakesItFromTheSelectedGroupToTheTarget() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("north-harbour-b2-floor-3");
        String thing = model.members().getFirst();

        model.moveThing(thing, "north-harbour-b2-floor-3", "quarantine");

        assertThat(directory.groupOf(thing)).isEqualTo("quarantine");
        assertThat(model.members()).hasSize(9).doesNotContain(thing);
        assertThat(model.hierarchyProperty().get().group("quarantine").directMembers())
                .isEqualTo(2);
    }

    @Test
    void renamingKeepsTheSelectionOnTheRenamedGroup() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("quarantine");

        model.rename("quarantine-2026");

        assertThat(model.selectedProperty().get()).isEqualTo("quarantine-2026");
        assertThat(model.members()).containsExactly("west-yard-b1-f1-sensor-099");
    }

    @Test
    void aSelectedGroupDeletedElsewhereIsUnselected() {
        model.apply(directory.thingGroupHierarchy());
        model.selectGroup("quarantine");

        model.apply(directory.thingGroupHierarchy().stream()
                .filter(group -> !group.name().equals("quarantine"))
                .toList());

        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.members()).isEmpty();
    }
}
