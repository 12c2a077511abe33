package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.ProcessState;
import io.relaybox.platform.RunFolder;
import io.relaybox.platform.Secrets;

/**
 * The supervised platform through the real command line. First every command of README.md works as written against it
 * ({@link ReadmeCommands}; one platform start serves both, CI time being short). Then: {@code up} leaves a supervisor JVM that restarts a killed
 * Connect worker (whose connectors come back RUNNING), keeps a stopped instance stopped until started, is replaced by a
 * new one that adopts the running processes after it is killed itself, and {@code down} leaves no process running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisedPlatformIT {

    /** A platform start on a loaded machine may take minutes; so may a restart of Connect with its connectors. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** The machine the tests run on may be shared and busy: a Spring Boot service took 150 s to start on one. */
    private static final String START_TIMEOUT = "PT8M";

    private static final Path RUN = Path.of("target/supervised-platform").toAbsolutePath();
    /** Every PID the platform ever had, supervisors included: none may run after down. */
    private static final Set<Long> PIDS = new LinkedHashSet<>();

    @BeforeAll
    static void startFromAnEmptyRunFolder() {
        RunFolder.purge(RUN, Optional.empty());

        assertThat(cli("up", "--free-ports", "--start-timeout", START_TIMEOUT)).isZero();

        PlatformState state = state();
        assertThat(state.liveSupervisor()).map(PlatformState.Supervisor::phase).contains(PlatformState.Supervisor.READY);
        assertThat(state.processes()).extracting(PlatformState.Entry::state).containsOnly(ProcessState.RUNNING);
        remember(state);
    }

    @AfterAll
    static void leaveNothingRunning() {
        PlatformState.read(RUN).ifPresent(SupervisedPlatformIT::remember);
        cli("down");
        for (long pid : PIDS) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
        RunFolder.deleteStandIns(RUN, Optional.empty());
    }

    @TestFactory
    @Order(0)
    Stream<DynamicTest> everyCommandOfTheReadmeWorksAsWritten() throws IOException {
        return new ReadmeCommands(RUN, state().endpoints()).everyCommand();
    }

    @Test
    @Order(1)
    void aKilledConnectWorkerIsRestartedCountedAndItsConnectorsRunAgain() {
        long before = entry("connect").pid();

        assertThat(cli("kill", "connect", "--signal", "KILL")).isZero();

        await().atMost(PATIENCE).untilAsserted(() -> {
            PlatformState.Entry connect = entry("connect");
            assertThat(connect.state()).isEqualTo(ProcessState.RUNNING);
            assertThat(connect.restarts()).isEqualTo(1);
            assertThat(connect.signal()).isEqualTo("KILL");
            assertThat(connect.pid()).isNotEqualTo(before);
        });
        remember(state());
        ConnectClient connect = connectClient();
        List<String> connectors = connect.connectors();
        assertThat(connectors).contains(LocalPlatform.ORDERS_CONNECTOR, LocalPlatform.ELASTICSEARCH_CONNECTOR, LocalPlatform.ARCHIVE_CONNECTOR);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(connectors)
                .allSatisfy(name -> assertThat(connect.status(name)).get().matches(ConnectorStatus::isRunning, "RUNNING with its tasks")));
    }

    @Test
    @Order(2)
    void aStoppedInstanceStaysStoppedUntilStarted() {
        long before = entry("inventory-service-1").pid();

        assertThat(cli("stop", "inventory-service-1")).isZero();

        assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
        // longer than the first restart backoff (1 s): a crashed process would be running again by then
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> entry("inventory-service-1").state() == ProcessState.STOPPED && !entry("inventory-service-1").isAlive());

        assertThat(cli("start", "inventory-service-1")).isZero();

        PlatformState.Entry started = entry("inventory-service-1");
        assertThat(started.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(started.isAlive()).isTrue();
        assertThat(started.restarts()).isZero();
        remember(state());
    }

    @Test
    @Order(3)
    void aNewSupervisorAdoptsWhatRunsAndStartsWhatIsMissing() {
        PlatformState before = state();
        ProcessHandle supervisor = before.liveSupervisor().flatMap(PlatformState.Supervisor::handle).orElseThrow();
        long connect = entry("connect").pid();
        PlatformState.Entry payment = entry("payment-service-1");
        supervisor.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !supervisor.isAlive());
        payment.handle().orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !payment.isAlive());

        assertThat(cli("up", "--start-timeout", START_TIMEOUT)).isZero();

        PlatformState after = state();
        remember(after);
        assertThat(after.liveSupervisor()).map(PlatformState.Supervisor::pid).isPresent().isNotEqualTo(Optional.of(supervisor.pid()));
        assertThat(after.ports()).as("the ports of the first start").isEqualTo(before.ports());
        assertThat(entry("connect").pid()).as("adopted, not restarted").isEqualTo(connect);
        assertThat(entry("connect").restarts()).as("counted on from the first supervisor's").isEqualTo(1);
        assertThat(after.processes()).extracting(PlatformState.Entry::state).containsOnly(ProcessState.RUNNING);
        assertThat(entry("payment-service-1").pid()).isNotEqualTo(payment.pid());
        assertThat(entry("payment-service-1").endpoint()).isEqualTo(payment.endpoint());
        assertThat(after.processes()).allMatch(PlatformState.Entry::isAlive);
    }

    @Test
    @Order(4)
    void downLeavesNoProcessRunning() {
        remember(state());

        assertThat(cli("down")).isZero();

        assertThat(PlatformState.read(RUN)).isEmpty();
        List<Long> running = new ArrayList<>(PIDS.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList());
        assertThat(running).as("PIDs of the platform still running").isEmpty();
    }

    private static int cli(String... arguments) {
        List<String> withRunFolder = new ArrayList<>(List.of(arguments));
        withRunFolder.addAll(List.of("--run-folder", RUN.toString()));
        return PlatformCli.commandLine().execute(withRunFolder.toArray(String[]::new));
    }

    private static PlatformState state() {
        return PlatformState.read(RUN).orElseThrow(() -> new AssertionError("no platform.json in " + RUN));
    }

    private static PlatformState.Entry entry(String name) {
        return state().processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + name + " in platform.json"));
    }

    private static void remember(PlatformState state) {
        state.processes().forEach(p -> PIDS.add(p.pid()));
        if (state.supervisor() != null) {
            PIDS.add(state.supervisor().pid());
        }
    }

    private static ConnectClient connectClient() {
        ConnectWorker.Credentials credentials = LocalPlatform.connectCredentials(Secrets.in(RUN));
        return ConnectClient.of(URI.create(state().endpoints().get("connect"))).withBasicAuth(credentials.user(), credentials.password());
    }
}
