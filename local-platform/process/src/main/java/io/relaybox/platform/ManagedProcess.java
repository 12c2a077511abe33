package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One real child process of the platform: started with its own log file, checked for readiness, and stopped,
 * killed (-9) or restarted on demand so that tests can inject faults. A process that a launcher before this one started
 * can be {@link #adopt(ProcessHandle) adopted} by PID: it is then watched, stopped and killed the same way, only its exit
 * status stays unknown.
 */
public final class ManagedProcess {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ProcessSpec spec;
    private final ReadinessCheck readiness;
    // volatile, so that asking whether it runs never waits for a stop in progress
    private volatile Process process;
    private volatile ProcessHandle adopted;

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
            adopted = null;
        } catch (IOException e) {
            throw new PlatformException("cannot start " + spec.name() + " (" + spec.command().get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Takes over a process of this spec that an earlier launcher started (a new supervisor finds it by PID). */
    public synchronized void adopt(ProcessHandle running) {
        if (isAlive()) {
            throw new PlatformException(spec.name() + " is already running as PID " + pid());
        }
        process = null;
        adopted = running;
    }

    /** Completes when the current process exits, with its exit status (unknown for an adopted process). */
    public CompletableFuture<ExitStatus> onExit() {
        Process exiting = process;
        if (exiting != null) {
            return exiting.onExit().thenApply(p -> ExitStatus.of(p.exitValue()));
        }
        return handle().onExit().thenApply(h -> ExitStatus.UNKNOWN);
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
            if (!isAlive()) {
                throw new PlatformException(spec.name() + " exited" + exitValue() + " while starting; " + LogTail.of(spec.logFile(), 30));
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
        if (!isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = handle().descendants().toList();
        Signals.send(handle(), spec.stopSignal());
        if (!waitForExit(spec.stopTimeout())) {
            kill();
            return;
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null && adopted == null) {
            return;
        }
        handle().descendants().forEach(ProcessHandle::destroyForcibly);
        handle().destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** Sends the signal to the process alone (a fault drill: a clean TERM, say); does not wait for it to exit. */
    public void signal(StopSignal signal) {
        if (isAlive()) {
            Signals.send(handle(), signal);
        }
    }

    /** Stops (cleanly) and starts the process again, waiting for readiness. */
    public void restart(Duration readyTimeout) {
        stop();
        startAndAwaitReady(readyTimeout);
    }

    public boolean isAlive() {
        return (process != null || adopted != null) && handle().isAlive();
    }

    /** True once the process was started or adopted (it may have exited since). */
    public boolean hasRun() {
        return process != null || adopted != null;
    }

    /** The PID of the running (or last) process. */
    public long pid() {
        return handle().pid();
    }

    public Optional<Instant> startedAt() {
        return process == null && adopted == null ? Optional.empty() : handle().info().startInstant();
    }

    private ProcessHandle handle() {
        if (process != null) {
            return process.toHandle();
        }
        if (adopted != null) {
            return adopted;
        }
        throw new PlatformException(spec.name() + " has not been started");
    }

    private String exitValue() {
        return process == null || process.isAlive() ? "" : " with status " + process.exitValue();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            handle().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !handle().isAlive();
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
