package io.fleetdeck.views.broker;

/**
 * What the Broker view reads from the embedded broker, in the view's own terms; the application implements it over
 * the broker's counters. Called on a background thread, never the JavaFX thread.
 */
@FunctionalInterface
public interface BrokerMonitor {

    BrokerSnapshot snapshot();
}
