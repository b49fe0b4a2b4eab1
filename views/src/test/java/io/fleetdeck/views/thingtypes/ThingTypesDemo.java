package io.fleetdeck.views.thingtypes;

import io.fleetdeck.views.common.ViewTasks;
import javafx.scene.Node;

/** The Thing types tab over an empty fake registry, for tests outside this package that open the whole console. */
public final class ThingTypesDemo {

    private ThingTypesDemo() {}

    public static Node view() {
        ThingTypesViewModel model = new ThingTypesViewModel(new FakeThingTypes(), ViewTasks.javaFx());
        Node view = new ThingTypesView(model).node();
        model.reload();
        return view;
    }
}
