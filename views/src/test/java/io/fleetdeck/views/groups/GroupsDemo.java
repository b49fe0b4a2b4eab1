package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.testing.DemoSection;
import io.fleetdeck.views.thingtypes.ThingTypesDemo;
import javafx.application.Platform;

/**
 * The Groups section (groups and thing types) over the demo sites, for tests outside this package that open the
 * whole console.
 */
public final class GroupsDemo {

    private GroupsDemo() {}

    public static DemoSection of() {
        FakeGroups directory = FakeGroups.demoSites();
        GroupsViewModel model = new GroupsViewModel(directory, new FakeGroupPolicies(directory), ViewTasks.javaFx());
        GroupsFeed feed = new GroupsFeed(directory, directory.events, Platform::runLater, model::apply);
        return new DemoSection(() -> GroupsSection.of(new GroupsView(model).node(), ThingTypesDemo.view()), feed);
    }
}
