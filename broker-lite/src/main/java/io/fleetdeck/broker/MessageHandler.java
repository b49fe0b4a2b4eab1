package io.fleetdeck.broker;

/** A service's handler for messages on the topics it subscribed to through {@link MqttChannel}. */
@FunctionalInterface
public interface MessageHandler {

    void onMessage(PublishedMessage message);
}
