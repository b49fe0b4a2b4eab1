package io.fleetdeck.app.gui;

import io.fleetdeck.app.runtime.EmbeddedBroker;
import io.fleetdeck.views.broker.BrokerMonitor;
import java.time.Clock;

/** The Broker view's source for a running broker. */
public final class BrokerMonitors {

    private BrokerMonitors() {}

    public static BrokerMonitor of(EmbeddedBroker broker) {
        return new BrokerMonitorAdapter(broker, Clock.systemUTC());
    }
}
