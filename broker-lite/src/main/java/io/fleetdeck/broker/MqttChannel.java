package io.fleetdeck.broker;

/**
 * The port through which services inside the process take part in MQTT: they subscribe to topics (the reserved
 * {@code $aws/...} ones above all), publish, answer one client privately, and hear about clients coming and going.
 * Implemented in-process by the embedded broker; a site that outgrows one machine gets an implementation over an MQTT
 * client to an external broker, so nothing here names a wire-format type. Thread-safe.
 */
public interface MqttChannel {

    /**
     * Delivers every message published on topics matching {@code filter} (MQTT wildcards) to {@code handler}, in the
     * order published, on a thread of its own; the returned subscription ends the delivery when closed.
     */
    Subscription subscribe(String filter, MessageHandler handler);

    /** Publishes as a service: to every subscriber allowed to receive it, and kept when {@code retain}. */
    void publish(String topic, byte[] payload, int qos, boolean retain);

    /**
     * Sends a message to one client only, whether or not it subscribed to the topic: how AWS delivers responses only
     * the requester may see (AWS-IOT-BEHAVIOUR §0.1). Returns false when no session exists for that client.
     */
    boolean publishTo(String clientId, String topic, byte[] payload, int qos);

    /** Registers a listener for client connections; the returned subscription removes it when closed. */
    Subscription onClientLifecycle(ClientLifecycleListener listener);

    /**
     * When each client was last heard from (connect or publish), kept in memory and handed to one reader that reports
     * "last seen" now and then, so a chatty device never costs a write per message.
     */
    ClientActivity clientActivity();

    /** An active subscription or registration; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
