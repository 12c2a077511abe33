package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStateTest {

    @TempDir
    Path runFolder;

    @Test
    void takesTwoReadingsOfAStartTimeASecondApartForTheSameProcess() {
        java.time.Instant started = java.time.Instant.parse("2026-12-05T03:20:15.280Z");
        assertThat(PlatformState.sameStart(started, started.plusMillis(1000))).isTrue();
        assertThat(PlatformState.sameStart(started.plusMillis(1000), started)).isTrue();
        assertThat(PlatformState.sameStart(started, started.plusSeconds(60))).as("a reused PID").isFalse();
    }

    @Test
    void findsTheCurrentProcessByItsPidAndStartTimeGivenASecondOff() {
        ProcessHandle self = ProcessHandle.current();
        java.time.Instant started = self.info().startInstant().orElseThrow();
        assertThat(PlatformState.handle(self.pid(), started.minusSeconds(1))).contains(self);
        assertThat(PlatformState.handle(self.pid(), started.minusSeconds(3600))).isEmpty();
    }

    @Test
    void findsAProcessOfAnEarlierLauncherAgainByPidAndStartTime() throws Exception {
        ManagedProcess sleeper = new ManagedProcess(new ProcessSpec("sleeper", List.of("sleep", "60"), Map.of(), runFolder,
                runFolder.resolve("sleeper.log"), StopSignal.TERM, Duration.ofSeconds(5), "-"), ReadinessCheck.none());
        sleeper.start();
        try {
            new PlatformState(runFolder, runFolder.resolve("pg"), Map.of("x", "y"), List.of(PlatformState.Entry.of(sleeper))).write();

            PlatformState.Entry entry = PlatformState.read(runFolder).orElseThrow().processes().get(0);

            assertThat(entry.pid()).isEqualTo(sleeper.pid());
            assertThat(entry.isAlive()).isTrue();
            entry.stop(Duration.ofSeconds(5));
            assertThat(entry.isAlive()).isFalse();
            assertThat(sleeper.isAlive()).isFalse();
        } finally {
            sleeper.kill();
        }
    }

    @Test
    void doesNotTakeAnotherProcessWithTheSamePidForOurs() {
        PlatformState.Entry recorded = new PlatformState.Entry("kafka", ProcessHandle.current().pid(),
                java.time.Instant.parse("2001-01-01T00:00:00Z"), "-", runFolder.resolve("kafka.log"), StopSignal.TERM);

        assertThat(recorded.isAlive()).isFalse();
    }

    @Test
    void forgetsItsFileOnDelete() {
        PlatformState state = new PlatformState(runFolder, runFolder.resolve("pg"), Map.of(), List.of());
        state.write();

        state.delete();

        assertThat(PlatformState.read(runFolder)).isEmpty();
    }

    @Test
    void readsTheFileOfALauncherBeforeSupervision() throws Exception {
        java.nio.file.Files.writeString(runFolder.resolve(PlatformState.FILE_NAME), """
                {"runFolder":"/r","postgresData":"/r/pg","endpoints":{"kafka":"127.0.0.1:1"},
                 "processes":[{"name":"kafka","pid":12,"startedAt":null,"endpoint":"-","logFile":"/r/kafka.log","stopSignal":"TERM"}]}
                """);

        PlatformState state = PlatformState.read(runFolder).orElseThrow();

        assertThat(state.supervisor()).isNull();
        assertThat(state.ports()).isNull();
        assertThat(state.processes().get(0).state()).isNull();
        assertThat(state.processes().get(0).restarts()).isNull();
    }

    @Test
    void keepsTheSupervisedStateOfEachProcessAndThePortPlan() {
        PortPlan ports = new PortPlan(1, 2, 3, 4, 5, 6, 7, 9, 10, Map.of("inventory-service-1", 8));
        PlatformState.Entry entry = new PlatformState.Entry("connect", 42, null, "-", runFolder.resolve("connect.log"), StopSignal.TERM,
                ProcessState.KILLED, null, "KILL", 2);
        new PlatformState(runFolder, runFolder.resolve("pg"), Map.of(), List.of(entry), ports, true,
                new PlatformState.Supervisor(7, null, 4711, PlatformState.Supervisor.READY, runFolder.resolve("supervisor.log"))).write();

        PlatformState state = PlatformState.read(runFolder).orElseThrow();

        assertThat(state.processes()).containsExactly(entry);
        assertThat(state.ports()).isEqualTo(ports);
        assertThat(state.supervisor().controlPort()).isEqualTo(4711);
    }
}
