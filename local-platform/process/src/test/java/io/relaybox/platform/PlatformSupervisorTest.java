package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.relaybox.platform.PlatformSupervisor.Backoff;
import io.relaybox.platform.PlatformSupervisor.DrillSignal;

class PlatformSupervisorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMinutes(1));

    @TempDir
    Path runFolder;

    private final List<ManagedProcess> started = new ArrayList<>();
    private final List<ProcessStatus> changes = new CopyOnWriteArrayList<>();
    private PlatformSupervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(ManagedProcess::kill);
    }

    @Test
    void restartsAProcessThatExitsUnaskedAndCountsTheRestart() {
        // exits with status 3 on its first run, then runs
        supervise(process("flaky", "if [ -f crashed ]; then exec sleep 60; else touch crashed; sleep 0.5; exit 3; fi"));

        supervisor.start("flaky");

        await().atMost(TIMEOUT).until(() -> supervisor.state("flaky").restarts() == 1
                && supervisor.state("flaky").state() == ProcessState.RUNNING);
        // the listeners hear of a change just after the state shows it
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(changes).extracting(ProcessStatus::describe)
                .containsSubsequence("STARTING", "RUNNING", "EXITED (3)", "RESTARTING", "RUNNING"));
        assertThat(supervisor.state("flaky").exitCode()).contains(3);
    }

    @Test
    void waitsLongerBeforeEachRestartOfAProcessThatKeepsExiting() {
        supervise(process("crasher", "sleep 0.1; exit 3"));

        supervisor.start("crasher");
        await().atMost(TIMEOUT).until(() -> supervisor.state("crasher").restarts() >= 4);
        supervisor.stop("crasher");

        List<Duration> waits = new ArrayList<>();
        Instant exitedAt = null;
        for (ProcessStatus change : changes) {
            if (change.state() == ProcessState.EXITED) {
                exitedAt = change.since();
            } else if (change.state() == ProcessState.RESTARTING && exitedAt != null) {
                waits.add(Duration.between(exitedAt, change.since()));
                exitedAt = null;
            }
        }
        assertThat(waits).hasSizeGreaterThanOrEqualTo(4);
        // 200 ms, doubled each time, capped at 800 ms (uncapped, the fourth wait would be 1.6 s)
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(waits.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(790));
        assertThat(waits.get(3)).as("capped").isBetween(Duration.ofMillis(790), Duration.ofMillis(1500));
    }

    @Test
    void aStoppedProcessStaysStoppedUntilStartedAgain() {
        supervise(process("sleeper", "exec sleep 60"));
        supervisor.start("sleeper");
        long pid = supervisor.state("sleeper").pid().orElseThrow();

        supervisor.stop("sleeper");

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> supervisor.state("sleeper").state() == ProcessState.STOPPED);
        assertThat(supervisor.state("sleeper").restarts()).isZero();

        ProcessStatus again = supervisor.start("sleeper");

        assertThat(again.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(again.pid()).isPresent().isNotEqualTo(java.util.Optional.of(pid));
        assertThat(again.restarts()).isZero();
    }

    @Test
    void aKilledProcessIsKilledByItsSignalThenRunsAgainCounted() {
        supervise(process("victim", "exec sleep 60"));
        long pid = supervisor.start("victim").pid().orElseThrow();

        ProcessStatus killed = supervisor.kill("victim", DrillSignal.KILL);

        assertThat(killed.describe()).isEqualTo("KILLED (KILL)");
        ProcessStatus recovered = supervisor.awaitRunning("victim", TIMEOUT);
        assertThat(recovered.restarts()).isEqualTo(1);
        assertThat(recovered.pid().orElseThrow()).isNotEqualTo(pid);
        assertThat(recovered.signal()).contains("KILL");
    }

    @Test
    void aTerminatedProcessIsKilledByTerm() {
        supervise(process("victim", "exec sleep 60"));
        supervisor.start("victim");

        assertThat(supervisor.kill("victim", DrillSignal.TERM).describe()).isEqualTo("KILLED (TERM)");
        assertThat(supervisor.awaitRunning("victim", TIMEOUT).restarts()).isEqualTo(1);
    }

    @Test
    void rewritesTheStateFileOnEveryChange() {
        Map<String, ManagedProcess> processes = new LinkedHashMap<>();
        processes.put("victim", process("victim", "exec sleep 60"));
        supervisor = new PlatformSupervisor(processes, TIMEOUT, QUICK,
                entries -> new PlatformState(runFolder, runFolder.resolve("pg"), Map.of(), entries), line -> { });
        supervisor.start("victim");
        assertThat(entry().state()).isEqualTo(ProcessState.RUNNING);

        supervisor.kill("victim", DrillSignal.KILL);
        assertThat(entry().state()).isIn(ProcessState.KILLED, ProcessState.RESTARTING, ProcessState.RUNNING);
        assertThat(entry().signal()).isEqualTo("KILL");

        supervisor.awaitRunning("victim", TIMEOUT);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(entry().state()).isEqualTo(ProcessState.RUNNING);
            assertThat(entry().restarts()).isEqualTo(1);
            assertThat(entry().pid()).isEqualTo(supervisor.state("victim").pid().orElseThrow());
            assertThat(entry().isAlive()).isTrue();
        });

        supervisor.stop("victim");
        assertThat(entry().state()).isEqualTo(ProcessState.STOPPED);
    }

    @Test
    void adoptsAProcessByPidAndRestartsItWhenItDies() {
        ManagedProcess earlier = process("adoptee", "exec sleep 60");
        earlier.start();
        supervise(process("adoptee", "exec sleep 60"));

        supervisor.adopt("adoptee", ProcessHandle.of(earlier.pid()).orElseThrow());
        assertThat(supervisor.state("adoptee").state()).isEqualTo(ProcessState.RUNNING);
        earlier.kill();

        await().atMost(TIMEOUT).until(() -> supervisor.state("adoptee").restarts() == 1);
        ProcessStatus recovered = supervisor.awaitRunning("adoptee", TIMEOUT);
        assertThat(recovered.pid().orElseThrow()).isNotEqualTo(earlier.pid());
        assertThat(recovered.restarts()).isEqualTo(1);
        assertThat(changes).extracting(ProcessStatus::describe).contains("EXITED (?)");
    }

    @Test
    void namesTheProcessesWhenAskedForOneItDoesNotWatch() {
        supervise(process("one", "exec sleep 60"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> supervisor.stop("two")).isInstanceOf(PlatformException.class)
                .hasMessageContaining("no process two").hasMessageContaining("one");
    }

    private void supervise(ManagedProcess process) {
        supervisor = new PlatformSupervisor(Map.of(process.name(), process), TIMEOUT, QUICK, null, line -> { });
        supervisor.addListener(changes::add);
    }

    private PlatformState.Entry entry() {
        return PlatformState.read(runFolder).orElseThrow().processes().get(0);
    }

    private ManagedProcess process(String name, String script) {
        ManagedProcess process = new ManagedProcess(new ProcessSpec(name, List.of("sh", "-c", script), Map.of(), runFolder,
                runFolder.resolve(name + ".log"), StopSignal.TERM, Duration.ofSeconds(5), "-"), ReadinessCheck.none());
        started.add(process);
        return process;
    }
}
