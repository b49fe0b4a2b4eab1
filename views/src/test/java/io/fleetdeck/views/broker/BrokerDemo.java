package io.fleetdeck.views.broker;

import io.fleetdeck.views.testing.DemoSection;

/** The Broker section with a busy broker's figures, for tests outside this package that open the whole console. */
public final class BrokerDemo {

    private BrokerDemo() {}

    public static DemoSection of() {
        BrokerViewModel model = new BrokerViewModel();
        BrokerView view = new BrokerView(model);
        for (int sample = 0; sample <= 5; sample++) {
            model.apply(BrokerViewTest.busy(sample));
        }
        return new DemoSection(view::node, () -> {});
    }
}
