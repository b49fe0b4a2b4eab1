package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thing types and the listing commands ({@code thing-type}, {@code thing list|describe}, {@code cert list}, {@code
 * policy list|get}, {@code group list}) through the launcher, as a newcomer following the README types them (issue 15,
 * defect 2).
 */
class ListingCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    /** Runs a command that must succeed and returns what it printed. */
    private List<String> ok(String... args) throws Exception {
        try (FleetdeckProcess command = run(args)) {
            assertThat(command.awaitExit())
                    .as("%s: stderr %s", List.of(args), command.stderr())
                    .isZero();
            return new ArrayList<>(command.stdout());
        }
    }

    /** Runs a command that must be refused and returns its stderr as one text. */
    private String refused(String... args) throws Exception {
        try (FleetdeckProcess command = run(args)) {
            assertThat(command.awaitExit())
                    .as("%s exits non-zero", List.of(args))
                    .isNotZero();
            return String.join("\n", command.stderr());
        }
    }

    private JsonNode json(String... args) throws Exception {
        return JSON.readTree(String.join("\n", ok(args)));
    }

    @Test
    void theReadmesThingTypeIsMadeTakenByAThingListedAndFoundBySearch() throws Exception {
        assertThat(refused("thing", "create", "pump-7", "--type", "pump"))
                .contains("fleetdeck: ResourceNotFoundException: no thing type named pump")
                .contains("fleetdeck thing-type create pump");

        assertThat(ok(
                        "thing-type",
                        "create",
                        "pump",
                        "--description",
                        "Water pumps",
                        "--searchable-attribute",
                        "model"))
                .containsExactly("thing type pump created");
        ok("thing", "create", "pump-7", "--type", "pump", "--attr", "model=P100");
        ok("thing", "create", "meter-1");

        JsonNode things = json("thing", "list", "--output", "json").get("things");
        assertThat(things).hasSize(2);
        JsonNode pump = things.get(1);
        assertThat(pump.get("thingName").asText()).isEqualTo("pump-7");
        assertThat(pump.get("thingTypeName").asText()).isEqualTo("pump");
        assertThat(pump.get("thingArn").asText()).endsWith(":thing/pump-7");
        assertThat(pump.get("attributes").get("model").asText()).isEqualTo("P100");
        assertThat(pump.get("version").asLong()).isEqualTo(1);
        assertThat(things.get(0).has("thingTypeName"))
                .as("an untyped thing has no type")
                .isFalse();

        assertThat(ok("thing", "list"))
                .containsExactly(
                        "NAME     TYPE  VERSION  GROUPS  ATTRIBUTES",
                        "meter-1  -     1        -       -",
                        "pump-7   pump  1        -       model=P100");
        assertThat(ok("thing", "list", "--type", "pump"))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("pump-7 ");

        JsonNode types = json("thing-type", "list", "--output", "json").get("thingTypes");
        assertThat(types).hasSize(1);
        assertThat(types.get(0).get("thingTypeName").asText()).isEqualTo("pump");
        assertThat(types.get(0).at("/thingTypeProperties/thingTypeDescription").asText())
                .isEqualTo("Water pumps");
        assertThat(types.get(0)
                        .at("/thingTypeProperties/searchableAttributes/0")
                        .asText())
                .isEqualTo("model");
        assertThat(types.get(0).at("/thingTypeMetadata/deprecated").asBoolean()).isFalse();
        assertThat(types.get(0).at("/thingTypeMetadata/creationDate").asText()).isNotBlank();

        assertThat(ok("search", "thingTypeName:pump")).containsExactly("pump-7");
    }

    @Test
    void aDeprecatedTypeRefusesNewThingsInAwsWordsUntilUndone() throws Exception {
        ok("thing-type", "create", "valve");
        ok("thing", "create", "valve-1", "--type", "valve");
        assertThat(ok("thing-type", "deprecate", "valve")).containsExactly("thing type valve deprecated");

        assertThat(refused("thing", "create", "valve-2", "--type", "valve"))
                .contains("fleetdeck: InvalidRequestException: Can not create new thing with deprecated thing type:"
                        + " valve");
        assertThat(ok("thing-type", "list")).hasSize(2).last().asString().startsWith("valve  deprecated  ");

        ok("thing-type", "deprecate", "valve", "--undo");
        assertThat(ok("thing", "create", "valve-2", "--type", "valve")).containsExactly("thing valve-2 version 1");
    }

    @Test
    void emptyListsSaySoAndMissingThingsAndPoliciesAreNotFound() throws Exception {
        assertThat(ok("thing", "list")).containsExactly("no things");
        assertThat(ok("group", "list")).containsExactly("no thing groups");

        assertThat(refused("thing", "describe", "pump-404"))
                .contains("fleetdeck: ResourceNotFoundException: no thing named pump-404");
        assertThat(refused("policy", "get", "no-such-policy"))
                .contains("fleetdeck: ResourceNotFoundException: no policy named no-such-policy");
        assertThat(refused("thing", "list", "--type", "no-such-type"))
                .contains("fleetdeck: ResourceNotFoundException: no thing type named no-such-type");
    }

    @Test
    void anAddedDevicesCertificateIsListedAndItsThingDescribed() throws Exception {
        List<String> added =
                ok("device", "add", "pump-7", "--out", temp.resolve("pump-7").toString());
        String id = added.getFirst().substring(added.getFirst().lastIndexOf(' ') + 1);
        assertThat(id).hasSize(64);

        JsonNode certificates = json("cert", "list", "--output", "json").get("certificates");
        List<String> ids = new ArrayList<>();
        certificates.forEach(
                certificate -> ids.add(certificate.get("certificateId").asText()));
        assertThat(ids).contains(id);
        JsonNode ours = certificates.get(ids.indexOf(id));
        assertThat(ours.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ours.get("creationDate").asText()).isNotBlank();
        List<String> listed = ok("cert", "list");
        assertThat(listed.getFirst()).startsWith("ID").contains("STATUS");
        assertThat(listed).anySatisfy(line -> assertThat(line).contains("(provisioning claim)"));
        assertThat(listed)
                .anySatisfy(line ->
                        assertThat(line).startsWith(id).contains("ACTIVE").contains("pump-7"));

        assertThat(ok("thing", "describe", "pump-7"))
                .contains("version       1")
                .anySatisfy(line -> assertThat(line).startsWith("certificates").contains(id.substring(0, 12)));
        assertThat(json("thing", "describe", "pump-7", "--output", "json")
                        .get("thingName")
                        .asText())
                .isEqualTo("pump-7");
    }

    @Test
    void policiesAreListedAndOnesDocumentPrinted() throws Exception {
        Path document = Files.writeString(temp.resolve("telemetry.json"), """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:*:*:topic/dt/*"}]}
                """);
        ok("policy", "create", "telemetry", "--document", document.toString());

        assertThat(ok("policy", "list")).first().asString().startsWith("NAME").contains("DEFAULT VERSION");
        JsonNode policies = json("policy", "list", "--output", "json").get("policies");
        List<String> names = new ArrayList<>();
        policies.forEach(policy -> names.add(policy.get("policyName").asText()));
        assertThat(names).contains("telemetry", "fleetdeck-device-default").isSorted();

        JsonNode telemetry = json("policy", "get", "telemetry", "--output", "json");
        assertThat(telemetry.get("defaultVersionId").asText()).isEqualTo("1");
        assertThat(JSON.readTree(telemetry.get("policyDocument").asText())
                        .at("/Statement/0/Action")
                        .asText())
                .isEqualTo("iot:Publish");
        assertThat(ok("policy", "get", "telemetry"))
                .anySatisfy(line -> assertThat(line).contains("iot:Publish"));
    }

    @Test
    void groupsAreListedWithParentsAndMembersAndThingsListedByGroup() throws Exception {
        ok("group", "create", "site-north");
        ok("group", "create", "floor-1", "--parent", "site-north");
        ok("thing", "create", "pump-7", "--group", "floor-1");
        ok("thing", "create", "meter-1");

        assertThat(ok("group", "list"))
                .containsExactly(
                        "NAME        PARENT      KIND    THINGS  WITH SUBGROUPS  QUERY",
                        "site-north  -           static  0       1               -",
                        "floor-1     site-north  static  1       1               -");
        JsonNode groups = json("group", "list", "--output", "json").get("thingGroups");
        assertThat(groups.get(1).get("groupName").asText()).isEqualTo("floor-1");
        assertThat(groups.get(1).get("groupArn").asText()).endsWith(":thinggroup/floor-1");

        assertThat(ok("thing", "list", "--group", "floor-1"))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("pump-7 ");
        assertThat(ok("thing", "list", "--group", "site-north")).containsExactly("no things");
    }
}
