package io.fleetdeck.broker.policy;

/** The data-plane actions the broker checks, with the ARN resource type each names (AWS-IOT-BEHAVIOUR §5.6). */
public enum IotAction {
    CONNECT("iot:Connect", "client/"),
    PUBLISH("iot:Publish", "topic/"),
    RETAIN_PUBLISH("iot:RetainPublish", "topic/"),
    SUBSCRIBE("iot:Subscribe", "topicfilter/"),
    RECEIVE("iot:Receive", "topic/");

    private final String actionName;
    private final String resourceType;

    IotAction(String actionName, String resourceType) {
        this.actionName = actionName;
        this.resourceType = resourceType;
    }

    /** As policies name it: {@code iot:Publish}. */
    public String actionName() {
        return actionName;
    }

    /** The resource part of the ARN for {@code name}: {@code topic/dt/pump-7}. */
    public String resource(String name) {
        return resourceType + name;
    }
}
