package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.Texts;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Groups section: the group hierarchy, and the thing types beside it (both sort the fleet into kinds). */
public final class GroupsSection {

    private GroupsSection() {}

    public static Node of(Node groups, Node thingTypes) {
        Tab groupsTab = new Tab(Texts.get("groups.tab"), groups);
        groupsTab.setId("groups-tab");
        Tab typesTab = new Tab(Texts.get("thingTypes.tab"), thingTypes);
        typesTab.setId("thing-types-tab");
        TabPane tabs = new TabPane(groupsTab, typesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("groups-section-tabs");
        return tabs;
    }
}
