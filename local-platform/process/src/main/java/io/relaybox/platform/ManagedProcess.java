package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One real child process of the platform: started with its own log file, checked for readiness, and stopped,
 * killed (-9) or restarted on demand so that tests can inject faults.
 */
public final class ManagedProcess {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ProcessSpec spec;
    private final ReadinessCheck readiness;
    private Process process;

    public ManagedProcess(ProcessSpec spec, ReadinessCheck readiness) {
        this.spec = spec;
        this.readiness = readiness;
    }

    public ProcessSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** Starts the process; it writes to its log file. Does not wait for readiness. */
    public synchronized void start() {
        if (isAlive()) {
            throw new PlatformException(spec.name() + " is already running as PID " + process.pid());
        }
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(), "---- " + Instant.now() + " starting " + String.join(" ", spec.command()) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .directory(spec.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(spec.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new PlatformException("cannot start " + spec.name() + " (" + spec.command().get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Starts the process and waits until its readiness check passes. */
    public void startAndAwaitReady(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    /**
     * Waits until the readiness check passes.
     *
     * @throws PlatformException when the process exits first or the timeout passes; the message quotes its log
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception lastFailure = null;
        while (true) {
            Process current = current();
            if (!current.isAlive()) {
                throw new PlatformException(spec.name() + " exited with status " + current.exitValue() + " while starting; "
                        + LogTail.of(spec.logFile(), 30));
            }
            try {
                if (readiness.isReady()) {
                    return;
                }
            } catch (PlatformException e) {
                throw e;
            } catch (Exception e) {
                lastFailure = e;
            }
            if (Instant.now().isAfter(deadline)) {
                String cause = lastFailure == null ? "" : " (last check: " + lastFailure + ")";
                throw new PlatformException(spec.name() + " was not ready within " + timeout.toSeconds() + " s" + cause + "; "
                        + LogTail.of(spec.logFile(), 30));
            }
            pause();
        }
    }

    /** Asks the process to shut down cleanly and kills it (-9) when it does not within its stop timeout. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        Signals.send(process.toHandle(), spec.stopSignal());
        if (!waitForExit(spec.stopTimeout())) {
            kill();
            return;
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** Stops (cleanly) and starts the process again, waiting for readiness. */
    public void restart(Duration readyTimeout) {
        stop();
        startAndAwaitReady(readyTimeout);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The PID of the running (or last) process. */
    public synchronized long pid() {
        return current().pid();
    }

    public synchronized Optional<Instant> startedAt() {
        return process == null ? Optional.empty() : process.info().startInstant();
    }

    private synchronized Process current() {
        if (process == null) {
            throw new PlatformException(spec.name() + " has not been started");
        }
        return process;
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting", e);
        }
    }
}
