package io.fleetdeck.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.fleetdeck.api.archfixture.ThingRowFromTheStore;
import io.fleetdeck.app.archfixture.left.Session;
import io.fleetdeck.app.archfixture.right.Limits;
import io.fleetdeck.broker.archfixture.LeakyListener;
import io.fleetdeck.fleet.archfixture.ShadowScreen;
import io.fleetdeck.lab.archfixture.StationStore;
import io.fleetdeck.sim.archfixture.SimulatedDeviceWithAStore;
import io.fleetdeck.views.archfixture.StoreBackedTable;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the arrows of ARCHITECTURE.md true across every module on the application's class path: each module may
 * use only the modules and libraries below it.
 */
class ArchitectureTest {

    private static final JavaClasses FLEETDECK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // fleet-core's test jar (TestPostgres for the durability tests) is on the class path too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.fleetdeck");

    private static final String API = "io.fleetdeck.api..";
    private static final String BROKER = "io.fleetdeck.broker..";
    private static final String FLEET = "io.fleetdeck.fleet..";
    private static final String INDEX = "io.fleetdeck.index..";
    private static final String FIRMWARE = "io.fleetdeck.firmware..";
    private static final String LAB = "io.fleetdeck.lab..";
    private static final String SIM = "io.fleetdeck.sim..";
    private static final String VIEWS = "io.fleetdeck.views..";
    private static final String APP = "io.fleetdeck.app..";
    private static final String JAVAFX = "javafx..";
    private static final String LUCENE = "org.apache.lucene..";
    private static final String NETTY = "io.netty..";
    private static final String PAHO = "org.eclipse.paho..";
    private static final String JDBC = "java.sql..";
    private static final String SERIAL = "com.fazecast.jSerialComm..";

    static List<ArchRule> arrows() {
        return List.of(
                mustNotUse(BROKER, FLEET, INDEX, FIRMWARE, LAB, SIM, VIEWS, APP, JAVAFX, LUCENE, JDBC),
                mustNotUse(FLEET, INDEX, FIRMWARE, LAB, SIM, VIEWS, APP, JAVAFX, LUCENE, SERIAL),
                mustNotUse(INDEX, BROKER, FIRMWARE, LAB, SIM, VIEWS, APP, JAVAFX, NETTY, PAHO, SERIAL),
                mustNotUse(FIRMWARE, FLEET, INDEX, LAB, SIM, VIEWS, APP, JAVAFX, BROKER),
                mustNotUse(LAB, BROKER, FLEET, INDEX, SIM, VIEWS, APP, JAVAFX, LUCENE),
                mustNotUse(SIM, BROKER, FLEET, INDEX, FIRMWARE, LAB, VIEWS, APP, JAVAFX, LUCENE, JDBC, SERIAL),
                mustNotUse(VIEWS, BROKER, FLEET, INDEX, FIRMWARE, LAB, SIM, APP, LUCENE, JDBC, NETTY, PAHO, SERIAL),
                viewModelsHoldNoNodes());
    }

    @ParameterizedTest
    @MethodSource("arrows")
    void everyModuleKeepsToItsArrows(ArchRule rule) {
        rule.check(FLEETDECK);
    }

    /** Every package of every module is a slice: no two packages may use each other, however indirectly. */
    static ArchRule noPackageCycles() {
        return slices().matching("io.fleetdeck.(**)").should().beFreeOfCycles().as("no package cycles");
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        noPackageCycles().check(FLEETDECK);
    }

    /**
     * The modules whose nullness NullAway checks: every package of theirs is {@code @NullMarked}, so a new package
     * cannot slip out of the check unnoticed. (bench is not marked yet: issue 14 goes on.)
     */
    static ArchRule packagesAreNullMarked() {
        return classes()
                .that()
                .resideInAnyPackage(API, BROKER, FLEET, INDEX, SIM, VIEWS, APP)
                .should(new ArchCondition<JavaClass>("be in a @NullMarked package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
                            events.add(SimpleConditionEvent.violated(
                                    type,
                                    "package " + type.getPackageName() + " of " + type.getName()
                                            + " is not @NullMarked"));
                        }
                    }
                })
                .as(
                        "every package of fleet-api, broker-lite, fleet-core, fleet-index, fleet-sim and app is @NullMarked");
    }

    @Test
    void theCheckedModulesArePackagesNullMarked() {
        packagesAreNullMarked().check(FLEETDECK);
    }

    @Test
    void aPackageWithoutNullMarkedBreaksTheBuild() {
        EvaluationResult result =
                packagesAreNullMarked().evaluate(new ClassFileImporter().importClasses(ShadowScreen.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains("io.fleetdeck.fleet.archfixture")
                        .contains("@NullMarked"));
    }

    /** Callers start a broker with its own TLS type; Netty's SslContext stays an implementation detail. */
    static ArchRule sslContextStaysInsideTheBroker() {
        return codeUnits()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage(BROKER)
                .should(new ArchCondition<JavaCodeUnit>("neither take nor give Netty's SslContext") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        boolean leaks = unit.getRawReturnType().isEquivalentTo(SslContext.class)
                                || unit.getRawParameterTypes().stream()
                                        .anyMatch(type -> type.isEquivalentTo(SslContext.class));
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(
                                    unit, unit.getFullName() + " takes or gives " + SslContext.class.getName()));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    @Test
    void brokerLitesPublicApiKeepsNettysTlsInside() {
        sslContextStaysInsideTheBroker().check(FLEETDECK);
    }

    @Test
    void aBrokerApiThatHandsOutAnSslContextBreaksTheBuild() {
        EvaluationResult result =
                sslContextStaysInsideTheBroker().evaluate(new ClassFileImporter().importClasses(LeakyListener.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyListener.tls()"))
                .anySatisfy(line -> assertThat(line).contains("LeakyListener.<init>"));
    }

    @Test
    void twoPackagesUsingEachOtherBreakTheBuild() {
        JavaClasses offenders = new ClassFileImporter().importClasses(Session.class, Limits.class);

        EvaluationResult result = noPackageCycles().evaluate(offenders);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("archfixture.left")
                .contains("archfixture.right");
    }

    /**
     * The service API is plain data that can cross a network: the JDK's language, collections and time, JSpecify's
     * annotations, and itself. No JDBC, Netty, JavaFX or Lucene, and none of the modules that implement it.
     */
    static ArchRule serviceApiIsPlainData() {
        return classes()
                .that()
                .resideInAPackage(API)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        API, "java.lang..", "java.util..", "java.time..", "java.io..", "org.jspecify.annotations..")
                .as("the service API (fleet-api) uses only plain Java and itself");
    }

    @Test
    void theServiceApiIsPlainData() {
        serviceApiIsPlainData().check(FLEETDECK);
    }

    @Test
    void aServiceApiTypeReadingTheStoreBreaksTheBuild() {
        EvaluationResult result =
                serviceApiIsPlainData().evaluate(new ClassFileImporter().importClasses(ThingRowFromTheStore.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line ->
                        assertThat(line).contains("ThingRowFromTheStore").contains("java.sql.Connection"));
    }

    @Test
    void theRulesSeeTheWholeApplication() {
        assertThat(FLEETDECK.containPackage("io.fleetdeck.app.cli")).isTrue();
        assertThat(FLEETDECK.containPackage("io.fleetdeck.views.shell")).isTrue();
        assertThat(FLEETDECK.containPackage("io.fleetdeck.api.event")).isTrue();
    }

    @Test
    void fleetCoreImportingJavaFxBreaksTheBuild() {
        JavaClasses offender = new ClassFileImporter().importClasses(ShadowScreen.class);

        EvaluationResult result = arrows().get(1).evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ShadowScreen").contains("javafx"));
    }

    @ParameterizedTest
    @MethodSource("storeReachingOffenders")
    void aLabASimulatorOrAViewReachingTheStoreBreaksTheBuild(int rule, Class<?> offender) {
        EvaluationResult result = arrows().get(rule).evaluate(new ClassFileImporter().importClasses(offender));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains(offender.getSimpleName())
                        .contains("io.fleetdeck.fleet.store.Database"));
    }

    /** Deliberate offenders, each with the index of the rule in {@link #arrows()} that must catch it. */
    static Stream<Arguments> storeReachingOffenders() {
        return Stream.of(
                Arguments.of(4, StationStore.class),
                Arguments.of(5, SimulatedDeviceWithAStore.class),
                Arguments.of(6, StoreBackedTable.class));
    }

    private static ArchRule mustNotUse(String module, String... forbidden) {
        return noClasses()
                .that()
                .resideInAPackage(module)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.of(forbidden).toArray(String[]::new))
                .as(module + " must not use " + String.join(", ", forbidden))
                .allowEmptyShould(true);
    }

    /** A view model is tested without a screen, so it may hold properties but never a scene-graph node. */
    private static ArchRule viewModelsHoldNoNodes() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .as("view models must not use javafx.scene or javafx.stage")
                .allowEmptyShould(true);
    }
}
