package io.relaybox.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one process of the platform.
 *
 * @param name short name used in status output and log file names, e.g. {@code kafka}
 * @param command program and arguments, passed to the OS unexpanded (classpath wildcards stay as they are)
 * @param environment variables added to the launcher's environment
 * @param workingDirectory where the process runs
 * @param logFile where its stdout and stderr go (appended, so restarts keep the history)
 * @param stopSignal the signal that asks it to shut down cleanly
 * @param stopTimeout how long a clean shutdown may take before the process is killed
 * @param endpoint where it listens, for humans, e.g. {@code http://127.0.0.1:8083}
 */
public record ProcessSpec(
        String name,
        List<String> command,
        Map<String, String> environment,
        Path workingDirectory,
        Path logFile,
        StopSignal stopSignal,
        Duration stopTimeout,
        String endpoint) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
