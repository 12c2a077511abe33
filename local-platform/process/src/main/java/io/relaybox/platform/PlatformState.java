package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a started platform leaves in its run folder ({@code platform.json}) so that a later {@code status} or
 * {@code down} finds its processes by PID, and tells them apart from unrelated processes that reuse a PID.
 *
 * @param runFolder the run folder
 * @param postgresData the PostgreSQL data folder in use
 * @param endpoints where the platform listens, by name
 * @param processes the started processes, in start order
 * @param ports the ports the platform was started with, so that a new supervisor restarts missing processes on the same
 *        ones (null in files of launchers before supervision)
 * @param exactlyOnceSource whether the Connect worker runs exactly-once source (null in older files)
 * @param supervisor the supervisor that watches the processes (null when none does)
 */
public record PlatformState(Path runFolder, Path postgresData, Map<String, String> endpoints, List<Entry> processes, PortPlan ports,
        Boolean exactlyOnceSource, Supervisor supervisor) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How far two JVMs' readings of one process's start time may differ (see {@link #handle}). */
    static final Duration START_TOLERANCE = Duration.ofSeconds(5);
    static final String FILE_NAME = "platform.json";

    public PlatformState {
        endpoints = Map.copyOf(endpoints);
        processes = List.copyOf(processes);
    }

    /** The state of an unsupervised platform. */
    public PlatformState(Path runFolder, Path postgresData, Map<String, String> endpoints, List<Entry> processes) {
        this(runFolder, postgresData, endpoints, processes, null, null, null);
    }

    /** The supervisor, when the file names one and that very process still runs. */
    public Optional<Supervisor> liveSupervisor() {
        return Optional.ofNullable(supervisor).filter(Supervisor::isAlive);
    }

    /**
     * The process that watches the platform ({@code ./platform up} leaves one running).
     *
     * @param pid its PID
     * @param startedAt its start time, to recognise the very process
     * @param controlPort its loopback HTTP port (0 when it takes no commands, e.g. inside {@code demo})
     * @param phase STARTING while it starts the platform, READY once everything runs, FAILED when the start failed
     * @param logFile its log
     */
    public record Supervisor(long pid, Instant startedAt, int controlPort, String phase, Path logFile) {

        public static final String STARTING = "STARTING";
        public static final String READY = "READY";
        public static final String FAILED = "FAILED";

        /** This JVM as the supervisor. */
        public static Supervisor self(int controlPort, String phase, Path logFile) {
            ProcessHandle self = ProcessHandle.current();
            return new Supervisor(self.pid(), self.info().startInstant().orElse(null), controlPort, phase, logFile);
        }

        public Supervisor inPhase(String newPhase) {
            return new Supervisor(pid, startedAt, controlPort, newPhase, logFile);
        }

        public Optional<ProcessHandle> handle() {
            return PlatformState.handle(pid, startedAt);
        }

        public boolean isAlive() {
            return handle().isPresent();
        }
    }

    /**
     * The live process of that PID that started at that time (give or take {@link #START_TOLERANCE}). Each JVM dates
     * processes from the boot time it read once at its own start ({@code btime} of {@code /proc/stat}, which the kernel
     * derives from the wall clock, so it moves when the clock is adjusted): two JVMs may date one process a second or so
     * apart, and an exact comparison made a long-running JVM take a live supervisor for gone (a CI run waited on a ready
     * platform for ten minutes). A PID reused within seconds of the same start time is not a real risk.
     */
    static Optional<ProcessHandle> handle(long pid, Instant startedAt) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> startedAt == null || h.info().startInstant().map(started -> sameStart(started, startedAt)).orElse(true));
    }

    /** Two readings of one process's start time, possibly by two JVMs. */
    static boolean sameStart(Instant one, Instant other) {
        return Duration.between(one, other).abs().compareTo(START_TOLERANCE) <= 0;
    }

    public static Optional<PlatformState> read(Path runFolder) {
        Path file = runFolder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
    }

    public void write() {
        try {
            Files.createDirectories(runFolder);
            Path temporary = runFolder.resolve(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, runFolder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlatformException("cannot write the platform state to " + runFolder + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(runFolder.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new PlatformException("cannot delete the platform state in " + runFolder + ": " + e.getMessage(), e);
        }
    }

    /**
     * One started process.
     *
     * @param name e.g. {@code kafka}
     * @param pid its PID
     * @param startedAt its start time as the OS reports it, to recognise the very process
     * @param endpoint where it listens
     * @param logFile its log
     * @param stopSignal how to ask it to stop
     * @param state what the supervisor last saw ({@link ProcessState}; null in files of launchers before supervision)
     * @param exitCode the exit status of its last exit, when it exited by itself and the status is known
     * @param signal the signal that ended it last, e.g. {@code KILL}
     * @param restarts how often the supervisor restarted it after an exit nobody asked for
     */
    public record Entry(String name, long pid, Instant startedAt, String endpoint, Path logFile, StopSignal stopSignal,
            ProcessState state, Integer exitCode, String signal, Integer restarts) {

        /** An entry of an unsupervised platform. */
        public Entry(String name, long pid, Instant startedAt, String endpoint, Path logFile, StopSignal stopSignal) {
            this(name, pid, startedAt, endpoint, logFile, stopSignal, null, null, null, null);
        }

        static Entry of(ManagedProcess process) {
            return new Entry(process.name(), process.pid(), process.startedAt().orElse(null), process.spec().endpoint(),
                    process.spec().logFile(), process.spec().stopSignal());
        }

        /** The entry of a supervised process, as its supervisor sees it. */
        static Entry of(ManagedProcess process, ProcessStatus status, Instant startedAt) {
            return new Entry(process.name(), status.pid().orElse(0L), startedAt, process.spec().endpoint(),
                    process.spec().logFile(), process.spec().stopSignal(), status.state(), status.exitCode().orElse(null),
                    status.signal().orElse(null), status.restarts());
        }

        /** The live process, when this very process still runs. */
        public Optional<ProcessHandle> handle() {
            return PlatformState.handle(pid, startedAt);
        }

        public boolean isAlive() {
            return handle().isPresent();
        }

        /** Asks the process to stop, and kills it (-9) when it does not within the timeout. */
        public void stop(Duration timeout) {
            Optional<ProcessHandle> handle = handle();
            if (handle.isEmpty()) {
                return;
            }
            Signals.send(handle.get(), stopSignal);
            try {
                handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
                handle.get().destroyForcibly();
            }
        }
    }
}
