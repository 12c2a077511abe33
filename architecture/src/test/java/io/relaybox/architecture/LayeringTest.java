package io.relaybox.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** The layering of docs/architecture.md, checked over every module's compiled main classes. */
class LayeringTest {

    private static final Modules MODULES = Modules.of(Path.of(System.getProperty("relaybox.home", "..")).toAbsolutePath().normalize());

    @Test
    void findsTheModulesOfTheBuild() {
        assertThat(MODULES.all()).contains("order-monolith", "local-platform/process", "local-platform/cli", "verification",
                "connectors/elasticsearch-sink", "connectors/s3-archive-sink", "outbox-library/outbox-core");
    }

    @Test
    void mainCodeNeverImportsTestLibrariesOrTheTestKit() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.assertj..", "org.awaitility..", "org.mockito..", "org.testcontainers..",
                        "io.relaybox.testkit..")
                .because("test code ships only in test scope; only " + Modules.TEST_SUPPORT + " exist to support tests")
                .check(MODULES.mainClasses(MODULES.production()));
    }

    @Test
    void servicesDependNeitherOnThePlatformNorOnVerification() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.relaybox.platform..", "io.relaybox.verification..", "io.relaybox.connect..", "io.relaybox.connectctl..")
                .because("a service runs on its own; the platform starts it as a process")
                .check(MODULES.mainClasses(Modules.SERVICES));
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        slices().matching("io.relaybox.(order|inventory|payment|notification|analytics)..").should().notDependOnEachOther()
                .because("services talk through events (and HTTP), never through each other's classes")
                .check(MODULES.mainClasses(Modules.SERVICES));
    }

    @Test
    void servicePomsNameNoOtherServiceNorThePlatform() {
        List<String> forbidden = new ArrayList<>(Modules.SERVICES.stream().map(MODULES::artifactId).toList());
        forbidden.addAll(List.of("local-platform", "platform-cli", "verification", "testkit", "consumer-test-support"));
        for (String service : Modules.SERVICES) {
            assertThat(MODULES.nonTestDependencies(service)).as("%s/pom.xml outside test scope", service)
                    .doesNotContainAnyElementsOf(forbidden.stream().filter(a -> !a.equals(MODULES.artifactId(service))).toList());
        }
    }

    @Test
    void connectorsDependOnlyOnTheConnectApiAndTheirOwnClients() {
        JavaClasses connectors = MODULES.mainClasses(connectorModules());
        classes().should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax..", "org.apache.kafka.connect..",
                        "org.apache.kafka.common..", "org.slf4j..", "io.relaybox.connect..", "co.elastic.clients..", "jakarta.json..",
                        "org.apache.http..", "org.elasticsearch.client..", "software.amazon.awssdk..", "com.fasterxml.jackson..",
                        "tools.jackson..", "")
                        // the one kafka-clients type of the SinkTask API (preCommit)
                        .or(name("org.apache.kafka.clients.consumer.OffsetAndMetadata")))
                .because("a Connect plugin runs in the worker's plugin class loader with the Connect API and what its folder holds")
                .check(connectors);
        slices().matching("io.relaybox.connect.(elasticsearch|s3archive)..").should().notDependOnEachOther().check(connectors);
    }

    @Test
    void theOutboxCoreAndItsKafkaLoopUseNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..")
                .because("the framework glue lives in the starters")
                .check(MODULES.mainClasses(List.of("outbox-library/outbox-core", "outbox-library/outbox-kafka-consumer")));
    }

    @Test
    void theAnalyticsTopologyUsesNoFramework() {
        noClasses().that().resideInAPackage("io.relaybox.analytics.topology..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.relaybox.analytics")
                .because("the Kafka Streams topology is tested without Spring (TopologyTestDriver); the glue lives beside it")
                .check(MODULES.mainClasses("sink-consumers/analytics-streams"));
    }

    @Test
    void theProcessLibraryKnowsNoServiceAndNoCommandLine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.relaybox.order..", "io.relaybox.inventory..", "io.relaybox.payment..", "io.relaybox.notification..", "io.relaybox.analytics..",
                        "io.relaybox.verification..",
                        "io.relaybox.platform.cli..", "picocli..")
                .check(MODULES.mainClasses("local-platform/process"));
    }

    private static List<String> connectorModules() {
        return MODULES.all().stream().filter(m -> m.startsWith("connectors/") && !m.equals("connectors/archive-tool")).toList();
    }
}
