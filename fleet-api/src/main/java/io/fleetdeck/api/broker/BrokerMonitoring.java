package io.fleetdeck.api.broker;

/** The broker's live state, read whenever the caller wants it (the Broker view samples it every second). */
@FunctionalInterface
public interface BrokerMonitoring {

    BrokerSnapshot snapshot();
}
