package io.relaybox.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.platform.PostgresServer;
import io.relaybox.testkit.containers.TestkitBackend;
import io.relaybox.testkit.containers.TestkitBackend.Choice;

/**
 * What JUnit reports of tests when containers were asked for and cannot serve them: skipped with the reason (a test
 * class before it starts, through a disabled condition; a test that asks from its body, through an assumption), never
 * run against local processes instead. The sample classes below run through JUnit's engine test
 * kit with the backend choice given to their extensions; nothing is started (no container, no process), so none of this
 * needs a Docker engine.
 */
class ContainerBackendSkipTest {

    static final String NO_DOCKER = "RELAYBOX_TESTKIT=containers but no Docker engine answers: container-backed run skipped";

    static final Supplier<Choice> CONTAINERS_WITHOUT_DOCKER = () -> TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), () -> false);
    static final Supplier<Choice> CONTAINERS_WITH_DOCKER = () -> TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), () -> true);

    @Test
    void aPostgresTestIsSkippedWithTheReasonWhenContainersAreAskedForAndNoDockerEngineAnswers() {
        EngineExecutionResults results = run(PostgresWithoutDocker.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(PostgresWithoutDocker.class),
                skippedWithReason(NO_DOCKER)));
        assertThat(results.testEvents().started().count()).as("tests run").isZero();
    }

    @Test
    void aKafkaTestIsSkippedWithTheReasonWhenContainersAreAskedForAndNoDockerEngineAnswers() {
        EngineExecutionResults results = run(KafkaWithoutDocker.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(KafkaWithoutDocker.class),
                skippedWithReason(NO_DOCKER)));
        assertThat(results.testEvents().started().count()).as("tests run").isZero();
    }

    @Test
    void aTestTakingTheLocalProcessIsSkippedWhenContainersAreAskedFor() {
        EngineExecutionResults results = run(TakesThePostgresProcess.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(TakesThePostgresProcess.class),
                skippedWithReason("RELAYBOX_TESTKIT=containers: TakesThePostgresProcess takes PostgresServer, a local PostgreSQL "
                        + "process that no container stands in for: skipped (take PostgresEndpoint to run against the container)")));
        assertThat(results.testEvents().started().count()).as("tests run").isZero();
    }

    @Test
    void aTestAskingForTheLocalProcessInItsBodyIsSkippedWhenContainersAreAskedFor() {
        EngineExecutionResults results = run(AsksForTheKafkaProcess.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("usesTheBroker"),
                abortedWithReason(instanceOf(TestAbortedException.class), message(m -> m.startsWith("RELAYBOX_TESTKIT=containers: "
                        + "this test takes KafkaBroker, a local Kafka process that no container stands in for")))));
    }

    @Test
    void recognisesATestClassThatTakesTheLocalProcessInItsOwnOrItsSuperclassesMethods() {
        assertThat(BackendService.declaresParameter(TakesThePostgresProcess.class, PostgresServer.class)).isTrue();
        assertThat(BackendService.declaresParameter(InheritsTheProcessParameter.class, PostgresServer.class)).isTrue();
        assertThat(BackendService.declaresParameter(PostgresWithoutDocker.class, PostgresServer.class)).isFalse();
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    static class PostgresWithoutDocker {

        @RegisterExtension
        static final PostgresExtension POSTGRES = new PostgresExtension(CONTAINERS_WITHOUT_DOCKER);

        @Test
        void usesTheDatabase(PostgresEndpoint postgres) {
            throw new AssertionError("ran without the PostgreSQL it asked for");
        }
    }

    static class KafkaWithoutDocker {

        @RegisterExtension
        static final KafkaExtension KAFKA = new KafkaExtension(CONTAINERS_WITHOUT_DOCKER);

        @Test
        void usesTheBroker(KafkaEndpoint kafka) {
            throw new AssertionError("ran without the Kafka it asked for");
        }
    }

    static class TakesThePostgresProcess {

        @RegisterExtension
        static final PostgresExtension POSTGRES = new PostgresExtension(CONTAINERS_WITH_DOCKER);

        @BeforeAll
        static void start(PostgresServer server) {
            throw new AssertionError("a local process was given though containers were asked for");
        }

        @Test
        void usesTheDatabase() {
            throw new AssertionError("ran on a local process though containers were asked for");
        }
    }

    static class InheritsTheProcessParameter extends TakesThePostgresProcess {
    }

    static class AsksForTheKafkaProcess {

        @RegisterExtension
        static final KafkaExtension KAFKA = new KafkaExtension(CONTAINERS_WITH_DOCKER);

        @Test
        void usesTheBroker() {
            KafkaBroker broker = KafkaExtension.broker();
            throw new AssertionError("a local process was given though containers were asked for: " + broker);
        }
    }
}
