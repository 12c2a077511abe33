package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
public record PlatformState(Path runFolder, Path postgresData, Map<String, String> endpoints, List<Entry> processes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FILE_NAME = "platform.json";

    public PlatformState {
        endpoints = Map.copyOf(endpoints);
        processes = List.copyOf(processes);
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
     */
    public record Entry(String name, long pid, Instant startedAt, String endpoint, Path logFile, StopSignal stopSignal) {

        static Entry of(ManagedProcess process) {
            return new Entry(process.name(), process.pid(), process.startedAt().orElse(null), process.spec().endpoint(),
                    process.spec().logFile(), process.spec().stopSignal());
        }

        /** The live process, when this very process still runs. */
        public Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> startedAt == null || h.info().startInstant().map(startedAt::equals).orElse(true));
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
