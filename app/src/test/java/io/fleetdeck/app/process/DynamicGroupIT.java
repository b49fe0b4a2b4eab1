package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic thing groups through the real launcher (AWS-IOT-BEHAVIOUR §3.5, TV-I24): created from the command line,
 * followed by a running {@code serve} as devices report over MQTT (membership events on AWS's topics, seen by a Paho
 * subscriber), and brought up to date from the store by the command line when no instance runs.
 */
class DynamicGroupIT {

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    private List<String> succeeds(String... args) throws Exception {
        try (FleetdeckProcess process = run(args)) {
            assertThat(process.awaitExit())
                    .as("%s: %s", String.join(" ", args), process.stderr())
                    .isZero();
            return process.stdout();
        }
    }

    @Test
    void aDynamicGroupFollowsShadowUpdatesWhileServeRunsAndTheStoreWhenItDoesNot() throws Exception {
        succeeds("thing", "create", "sensor-1");
        succeeds("thing", "create", "sensor-2");
        succeeds("shadow", "update", "sensor-2", "{\"state\":{\"reported\":{\"battery\":15}}}");

        assertThat(succeeds("group", "create-dynamic", "lowBattery", "shadow.reported.battery<20"))
                .containsExactly("dynamic group lowBattery: 1 thing matches shadow.reported.battery<20 (ACTIVE)");
        assertThat(succeeds("group", "members", "lowBattery")).containsExactly("sensor-2");

        int port = FleetdeckProcess.freePort();
        List<String> events = new CopyOnWriteArrayList<>();
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve",
                "--data-dir",
                temp.resolve("data").toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                Integer.toString(port))) {
            serve.awaitStdoutLine("fleetdeck ready");
            MqttAsyncClient device = new MqttAsyncClient("tcp://127.0.0.1:" + port, "console", new MemoryPersistence());
            device.connect(new MqttConnectOptions()).waitForCompletion(10_000);
            device.subscribe(
                            "$aws/events/thingGroupMembership/thingGroup/lowBattery/thing/+/+",
                            1,
                            (topic, message) -> events.add(topic.substring(topic.indexOf("/thing/") + 7)))
                    .waitForCompletion(10_000);

            publish(device, "sensor-1", "{\"state\":{\"reported\":{\"battery\":12}}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("sensor-1/added"));
            publish(device, "sensor-2", "{\"state\":{\"reported\":{\"battery\":95}}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("sensor-2/removed"));
            device.disconnect().waitForCompletion(10_000);
            device.close();
        }
        assertThat(events).containsExactly("sensor-1/added", "sensor-2/removed");
        assertThat(succeeds("group", "members", "lowBattery")).containsExactly("sensor-1");

        succeeds("shadow", "update", "sensor-1", "{\"state\":{\"reported\":{\"battery\":60}}}");
        assertThat(succeeds("group", "members", "lowBattery"))
                .as("no instance ran: the command brings the group up to date from the store")
                .isEmpty();
        assertThat(succeeds("group", "update-dynamic", "lowBattery", "shadow.reported.battery<70"))
                .containsExactly("dynamic group lowBattery: 1 thing matches shadow.reported.battery<70 (ACTIVE)");
        assertThat(succeeds("group", "members", "lowBattery")).containsExactly("sensor-1");
    }

    @Test
    void groupsAreSearchedInTheThingGroupIndex() throws Exception {
        succeeds("group", "create", "north-harbour");
        succeeds("group", "create", "north-harbour-b1", "--parent", "north-harbour");
        succeeds("group", "create", "west-yard");
        succeeds("group", "create-dynamic", "lowBattery", "shadow.reported.battery<20");

        assertThat(succeeds("search", "--index", "AWS_ThingGroups", "parentGroupNames:north-harbour"))
                .containsExactly("north-harbour-b1");
        assertThat(succeeds("search", "--index", "AWS_ThingGroups", "thingGroupNames:*a*"))
                .containsExactly("lowBattery", "north-harbour", "north-harbour-b1", "west-yard");
        try (FleetdeckProcess misnamed = run("search", "thingGroupName:north-harbour", "--index", "AWS_ThingGroups")) {
            assertThat(misnamed.awaitExit()).as("a hint, not an error").isZero();
            assertThat(misnamed.stdout()).isEmpty();
            assertThat(misnamed.stderr())
                    .as("issue 15, defect 10: the field that matches nothing is named, with the one meant")
                    .containsExactly("fleetdeck: warning: no thing group has the field thingGroupName, so this term"
                            + " matches nothing; did you mean thingGroupNames?");
        }
        try (FleetdeckProcess unknown = run("search", "--index", "AWS_Jobs", "*")) {
            assertThat(unknown.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", unknown.stderr())).contains("no index named AWS_Jobs");
        }
    }

    @Test
    void aMalformedQueryExitsWithTwoAndCreatesNothing() throws Exception {
        try (FleetdeckProcess bad = run("group", "create-dynamic", "broken", "shadow.reported.battery<")) {
            assertThat(bad.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", bad.stderr()))
                    .contains("  shadow.reported.battery<")
                    .contains("fleetdeck: query error:");
        }
        try (FleetdeckProcess missing = run("group", "members", "broken")) {
            assertThat(missing.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", missing.stderr())).contains("ResourceNotFoundException");
        }
    }

    private static void publish(MqttAsyncClient device, String thing, String update) throws Exception {
        device.publish("$aws/things/" + thing + "/shadow/update", update.getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(10_000);
    }
}
