package io.relaybox.platform;

import io.relaybox.topology.ServiceDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Watches the processes of a platform: one that exits without being asked is restarted after a backoff, awaited until
 * ready again, and counted. Operators and fault drills stop, start, restart and kill processes through it; every change
 * of state reaches the listeners and rewrites the state file ({@code platform.json}). Thread-safe.
 *
 * <p>A process is STARTING until its readiness check passes, then RUNNING. When it exits unasked it is EXITED (with its
 * status) or KILLED (by a signal) for its backoff, then RESTARTING until ready. A process stopped on request is STOPPED
 * and stays so until started again.
 */
public final class PlatformSupervisor implements AutoCloseable {

    /** The signals of a fault drill ({@link #kill(String, DrillSignal)}). */
    public enum DrillSignal {
        /** SIGKILL, as a crash. */
        KILL,
        /** SIGTERM: the process shuts down cleanly, unasked by the platform. */
        TERM
    }

    /**
     * How long the supervisor waits before restarting a process: {@code initial}, doubled after each exit up to
     * {@code max}, back to {@code initial} once the process ran for {@code resetAfter}.
     */
    public record Backoff(Duration initial, Duration max, Duration resetAfter) {

        /** 1 s doubling to 30 s, reset after a minute up. */
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

        Duration after(Duration previous) {
            Duration doubled = previous.multipliedBy(2);
            return doubled.compareTo(max) > 0 ? max : doubled;
        }
    }

    /** The Kafka broker's process name. */
    static final String KAFKA = "kafka";
    /** How often the partitions are looked at for hanging transactions. */
    static final Duration TRANSACTION_CHECK = Duration.ofSeconds(15);
    /**
     * Three times the longest transaction timeout of the platform's producers (Connect's, {@link ConnectWorker#TRANSACTION_TIMEOUT};
     * Kafka Streams' is as long): a transaction open longer, and unknown to its coordinator, can only be hanging.
     */
    static final Duration TRANSACTION_PATIENCE = ConnectWorker.TRANSACTION_TIMEOUT.multipliedBy(3);
    /** How often the outbox sources' replication slots are looked at. */
    static final Duration SOURCE_CHECK = Duration.ofSeconds(15);
    /** Debezium restarts itself 10 s after losing its replication connection; a slot idle this long means a stuck task. */
    static final Duration SOURCE_PATIENCE = Duration.ofMinutes(2);

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final Duration readyTimeout;
    private final Backoff backoff;
    private final Function<List<PlatformState.Entry>, PlatformState> stateFile;
    private final Consumer<String> progress;
    private final List<Consumer<ProcessStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("relaybox-supervisor-timer"));
    /** Runs the repairs: {@link HangingTransactionRepair}, {@link StalledSourceRepair} and {@link FailedConnectorRepair}. */
    private final ScheduledExecutorService repairs = Executors.newSingleThreadScheduledExecutor(daemon("relaybox-supervisor-repairs"));
    /** Used only on {@link #repairs}'s thread, closed once that thread has stopped. */
    private volatile HangingTransactionRepair transactionRepair;
    private final ExecutorService launcher = Executors.newCachedThreadPool(daemon("relaybox-supervisor-start"));
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("relaybox-supervisor-listeners"));
    private Holder<PlatformState.Supervisor> supervisorRow = new Holder<>(null);
    /** How {@link #stopAll()} stops the processes: one after the other unless the platform says which are its servers. */
    private StopOrder stopOrder = StopOrder.REVERSE;
    private boolean closed;

    /**
     * Watches the processes; those alive are RUNNING, the others STOPPED until {@link #startMissing()}.
     *
     * @param processes by name, in start order
     * @param readyTimeout how long a (re)started process may take to become ready before it is killed and tried again
     * @param stateFile the state file's content for the entries of the processes (null: no state file)
     * @param progress one line per change, for humans
     */
    public PlatformSupervisor(Map<String, ManagedProcess> processes, Duration readyTimeout, Backoff backoff,
            Function<List<PlatformState.Entry>, PlatformState> stateFile, Consumer<String> progress) {
        this.readyTimeout = readyTimeout;
        this.backoff = backoff;
        this.stateFile = stateFile;
        this.progress = progress;
        synchronized (this) {
            processes.forEach((name, process) -> {
                Watched w = new Watched(process, backoff.initial());
                watched.put(name, w);
                if (process.isAlive()) {
                    watchExit(w, ++w.generation);
                    w.runningSince = Instant.now();
                    w.status = w.status(ProcessState.RUNNING);
                }
            });
            writeState();
        }
    }

    /**
     * Watches the processes of a started platform; the state file records the supervisor row given, the platform's ports
     * and its exactly-once setting, so that a later supervisor restarts missing processes alike.
     */
    public static PlatformSupervisor watch(LocalPlatform platform, PlatformState.Supervisor self, Consumer<String> progress) {
        return watch(platform, self, Backoff.DEFAULT, progress);
    }

    /**
     * Watches a platform started in this JVM (demo, tests, verify): the state file names this JVM as its supervisor, with no
     * control port.
     */
    public static PlatformSupervisor watch(LocalPlatform platform, Consumer<String> progress) {
        return watch(platform, PlatformState.Supervisor.self(0, PlatformState.Supervisor.READY, null), progress);
    }

    /** See {@link #watch(LocalPlatform, PlatformState.Supervisor, Consumer)}. */
    public static PlatformSupervisor watch(LocalPlatform platform, PlatformState.Supervisor self, Backoff backoff,
            Consumer<String> progress) {
        PlatformSettings settings = platform.settings();
        Map<String, String> endpoints = platform.endpoints();
        Holder<PlatformState.Supervisor> row = new Holder<>(self);
        PlatformSupervisor supervisor = new PlatformSupervisor(platform.processes(), settings.startTimeout(), backoff,
                entries -> new PlatformState(settings.runFolder(), platform.postgres().dataDirectory(), endpoints, entries, settings.ports(),
                        settings.exactlyOnceSource(), row.value),
                progress);
        supervisor.supervisorRow = row;
        supervisor.stopOrder = platform.stopOrder();
        if (platform.processes().containsKey(KAFKA)) {
            supervisor.abortHangingTransactions(platform.kafka().bootstrapServers(), progress);
        }
        // the embedded relay is a process of its own: when its engine stops, the relay exits and is restarted like any other
        if (!settings.services().isEmpty() && settings.relay() == RelayRuntime.CONNECT) {
            List<String> sources = settings.services().stream().map(ServiceKind::descriptor)
                    .filter(ServiceDescriptor::hasSourceConnector).map(ServiceDescriptor::sourceConnector).toList();
            supervisor.restartStalledSources(new StalledSourceRepair(platform.postgres(), platform.connect(), sources, supervisor::state,
                    settings.runFolder().resolve("logs"), SOURCE_PATIENCE, progress));
        }
        List<ConnectWorker> workers = platform.connectWorkers();
        supervisor.restartFailedConnectors(new FailedConnectorRepair(workers.stream().map(ConnectWorker::client).toList(), progress),
                workers.stream().map(worker -> worker.process().name()).toList());
        return supervisor;
    }

    /**
     * Every {@link #SOURCE_CHECK}: an outbox source whose task Connect calls RUNNING while its replication slot has had no
     * reader for {@link #SOURCE_PATIENCE}, PostgreSQL and Connect running all the while, is restarted
     * ({@link StalledSourceRepair}).
     */
    private void restartStalledSources(StalledSourceRepair repair) {
        repairs.scheduleWithFixedDelay(() -> {
            try {
                repair.check();
            } catch (RuntimeException unreachable) {
                // PostgreSQL or Connect is between answers: the next check looks again
            }
        }, SOURCE_CHECK.toMillis(), SOURCE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every {@link #SOURCE_CHECK}, while a Connect worker runs: a failed connector or task is restarted, with a backoff
     * ({@link FailedConnectorRepair}); Connect never restarts one by itself.
     */
    private void restartFailedConnectors(FailedConnectorRepair repair, List<String> workers) {
        repairs.scheduleWithFixedDelay(() -> {
            try {
                if (workers.stream().anyMatch(worker -> state(worker).state() == ProcessState.RUNNING)) {
                    repair.check();
                }
            } catch (RuntimeException unreachable) {
                // Connect is between answers (rebalancing, restarting): the next check looks again
            }
        }, SOURCE_CHECK.toMillis(), SOURCE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every {@link #TRANSACTION_CHECK}, while Kafka runs: a transaction that hangs (open on a partition for longer than
     * {@link #TRANSACTION_PATIENCE}, unknown to its coordinator) is aborted ({@link HangingTransactionRepair}).
     */
    private void abortHangingTransactions(String bootstrapServers, Consumer<String> progress) {
        HangingTransactionRepair repair = new HangingTransactionRepair(bootstrapServers, TRANSACTION_PATIENCE, progress);
        repairs.scheduleWithFixedDelay(() -> {
            try {
                if (state(KAFKA).state() == ProcessState.RUNNING) {
                    repair.check();
                }
            } catch (RuntimeException unreachable) {
                // Kafka is between answers (restarting, electing leaders): the next check looks again
            }
        }, TRANSACTION_CHECK.toMillis(), TRANSACTION_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        transactionRepair = repair;
    }

    private void closeTransactionRepair() {
        try {
            if (repairs.awaitTermination(30, TimeUnit.SECONDS) && transactionRepair != null) {
                transactionRepair.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Replaces the supervisor's own row of the state file (its phase, say) and rewrites the file. */
    public synchronized void describeSupervisor(PlatformState.Supervisor self) {
        supervisorRow.value = self;
        writeState();
    }

    /** The names of the watched processes, in start order. */
    public synchronized List<String> names() {
        return List.copyOf(watched.keySet());
    }

    /** The process as the supervisor sees it. */
    public synchronized ProcessStatus state(String name) {
        return find(name).status;
    }

    /** Every process as the supervisor sees it, in start order. */
    public synchronized Map<String, ProcessStatus> states() {
        Map<String, ProcessStatus> states = new LinkedHashMap<>();
        watched.forEach((name, w) -> states.put(name, w.status));
        return states;
    }

    /** Calls the listener (on one thread of the supervisor, in order) with every change of a process's state. */
    public void addListener(Consumer<ProcessStatus> listener) {
        listeners.add(listener);
    }

    /**
     * Stops the process (cleanly, killed when it does not stop in time); it stays STOPPED until started again. Returns once
     * it has exited.
     */
    public void stop(String name) {
        halt(name, ManagedProcess::stop);
    }

    /** Leaves the process down (not restarted) until started, ending it the given way; returns once it has exited. */
    private void halt(String name, Consumer<ManagedProcess> end) {
        Watched w;
        synchronized (this) {
            w = find(name);
            w.wanted = false;
            w.cancelRestart();
        }
        end.accept(w.process);
        synchronized (this) {
            if (!w.process.isAlive() && w.status.state() != ProcessState.STOPPED) {
                w.handledGeneration = w.generation;
                change(w, w.status(ProcessState.STOPPED));
                progress.accept(String.format("%-24s STOPPED, as asked; it stays stopped until started", name));
            }
        }
    }

    /** Starts the process unless it runs (or is being restarted), and returns once it is RUNNING. */
    public ProcessStatus start(String name) {
        synchronized (this) {
            Watched w = find(name);
            w.wanted = true;
            if (!w.process.isAlive() && w.pendingRestart == null) {
                launcher.execute(() -> launch(w, ProcessState.STARTING));
            }
        }
        return awaitRunning(name, readyTimeout.multipliedBy(2));
    }

    /** Stops the process and starts it again (asked for, so not counted as a restart); returns once it is RUNNING. */
    public ProcessStatus restart(String name) {
        stop(name);
        return start(name);
    }

    /**
     * A fault drill: sends the signal to the process, as a crash or an outside shutdown would, and returns once it has
     * exited (KILLED); the supervisor then restarts it like any crash, and counts it.
     *
     * @throws PlatformException when the process does not run
     */
    public ProcessStatus kill(String name, DrillSignal signal) {
        Watched w;
        int generation;
        CompletableFuture<ExitStatus> exit;
        synchronized (this) {
            w = find(name);
            if (!w.process.isAlive()) {
                throw new PlatformException(name + " does not run (" + w.status.describe() + ")");
            }
            generation = w.generation;
            w.signalSent = signal.name();
            exit = w.process.onExit();
        }
        progress.accept(String.format("%-24s fault drill: sending SIG%s to pid %d", name, signal, w.process.pid()));
        if (signal == DrillSignal.KILL) {
            w.process.kill();
        } else {
            w.process.signal(StopSignal.TERM);
        }
        try {
            exited(w, generation, exit.get(w.process.spec().stopTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still shutting down after its stop timeout: its exit is handled when it comes
        }
        return state(name);
    }

    /**
     * A fault drill of a lost machine: kill -9 of the process, which then stays down (STOPPED, not restarted) until
     * {@link #start started}; returns once it has exited.
     *
     * @throws PlatformException when the process does not run
     */
    public ProcessStatus killAndHold(String name) {
        long pid;
        synchronized (this) {
            Watched w = find(name);
            if (!w.process.isAlive()) {
                throw new PlatformException(name + " does not run (" + w.status.describe() + ")");
            }
            pid = w.process.pid();
        }
        progress.accept(String.format("%-24s fault drill: sending SIGKILL to pid %d; it stays down until started", name, pid));
        halt(name, ManagedProcess::kill);
        return state(name);
    }

    /** Starts every process that does not run, one after the other in start order, each awaited until RUNNING. */
    public void startMissing() {
        for (String name : names()) {
            start(name);
        }
    }

    /**
     * Waits until the process is RUNNING (again): for a process just killed, until its restart is ready.
     *
     * @throws PlatformException when it is STOPPED or the timeout passes first
     */
    public synchronized ProcessStatus awaitRunning(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Watched w = find(name);
        while (w.status.state() != ProcessState.RUNNING) {
            if (!w.wanted) {
                throw new PlatformException(name + " is " + w.status.describe() + ", not starting");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new PlatformException(name + " was not RUNNING within " + timeout.toSeconds() + " s: it is " + w.status.describe()
                        + "; " + LogTail.of(w.process.spec().logFile(), 20));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("interrupted while waiting for " + name, e);
            }
        }
        return w.status;
    }

    /**
     * Takes over a process of the platform that an earlier supervisor started, by PID: it is RUNNING and watched from now
     * on (its exit status will be unknown, as it is not this JVM's child).
     */
    public void adopt(String name, ProcessHandle running) {
        adopt(name, running, 0);
    }

    /** See {@link #adopt(String, ProcessHandle)}; the count of restarts goes on from the earlier supervisor's. */
    public synchronized void adopt(String name, ProcessHandle running, int restartsSoFar) {
        Watched w = find(name);
        w.process.adopt(running);
        w.wanted = true;
        watchExit(w, ++w.generation);
        w.startedAt = running.info().startInstant().orElse(null);
        w.runningSince = Instant.now();
        change(w, new ProcessStatus(name, ProcessState.RUNNING, Optional.of(running.pid()), restartsSoFar, Optional.empty(),
                Optional.empty(), Instant.now()));
    }

    /** Stops watching: no process is restarted after this; the processes keep running (stop them with their platform). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            watched.values().forEach(w -> {
                w.wanted = false;
                w.cancelRestart();
            });
            notifyAll();
        }
        timer.shutdownNow();
        repairs.shutdownNow();
        closeTransactionRepair();
        launcher.shutdownNow();
        notifier.shutdown();
    }

    /** Stops watching, stops every process (the platform's {@link StopOrder}) and deletes the state file. */
    public void stopAll() {
        close();
        stopOrder.stop(watchedInOrder().stream().map(w -> w.process).toList(),
                (name, e) -> progress.accept("cannot stop " + name + ": " + e.getMessage()));
        if (stateFile != null) {
            stateFile.apply(List.of()).delete();
        }
    }

    private synchronized List<Watched> watchedInOrder() {
        return List.copyOf(watched.values());
    }

    /** Starts the process (on a launcher thread) and waits for its readiness. */
    private void launch(Watched w, ProcessState starting) {
        int generation;
        long begin = System.nanoTime();
        synchronized (this) {
            if (!w.wanted || closed || w.process.isAlive()) {
                return;
            }
            generation = ++w.generation;
            w.signalSent = null;
            try {
                w.process.start();
            } catch (PlatformException e) {
                progress.accept(w.process.name() + " cannot start: " + e.getMessage());
                w.handledGeneration = generation - 1;
                exited(w, generation, ExitStatus.UNKNOWN);
                return;
            }
            w.startedAt = w.process.startedAt().orElse(null);
            watchExit(w, generation);
            change(w, new ProcessStatus(w.process.name(), starting, Optional.of(w.process.pid()), w.status.restarts(),
                    w.status.exitCode(), w.status.signal(), Instant.now()));
        }
        try {
            w.process.awaitReady(readyTimeout);
            synchronized (this) {
                if (generation == w.generation && w.process.isAlive()) {
                    w.runningSince = Instant.now();
                    change(w, w.status(ProcessState.RUNNING));
                    progress.accept(String.format("%-24s RUNNING, pid %d, after %.1f s", w.process.name(), w.process.pid(),
                            (System.nanoTime() - begin) / 1e9));
                }
            }
        } catch (PlatformException e) {
            boolean stuck;
            synchronized (this) {
                stuck = generation == w.generation && w.wanted && w.process.isAlive();
            }
            if (stuck) {
                progress.accept(w.process.name() + " did not become ready; killing it to try again: " + e.getMessage());
                w.process.kill();
            }
        }
    }

    private void watchExit(Watched w, int generation) {
        // on a thread of this supervisor: the common pool's threads complete the JDK's own exit futures
        w.process.onExit().thenAcceptAsync(status -> exited(w, generation, status), launcher);
    }

    private synchronized void exited(Watched w, int generation, ExitStatus exit) {
        if (generation != w.generation || w.handledGeneration >= generation) {
            return;
        }
        w.handledGeneration = generation;
        if (!w.wanted || closed) {
            change(w, w.status(ProcessState.STOPPED));
            return;
        }
        Optional<String> signal = exit.signal().or(() -> exit.code().isEmpty() ? Optional.ofNullable(w.signalSent) : Optional.empty());
        ProcessState state = signal.isPresent() ? ProcessState.KILLED : ProcessState.EXITED;
        if (w.runningSince != null && Duration.between(w.runningSince, Instant.now()).compareTo(backoff.resetAfter()) >= 0) {
            w.nextBackoff = backoff.initial();
        }
        Duration delay = w.nextBackoff;
        w.nextBackoff = backoff.after(delay);
        w.runningSince = null;
        ProcessStatus status = new ProcessStatus(w.process.name(), state, w.status.pid(), w.status.restarts(), exit.exitCode(), signal,
                Instant.now());
        progress.accept(String.format("%-24s %s; restarting in %.1f s", w.process.name(), status.describe(), delay.toMillis() / 1e3));
        change(w, status);
        w.pendingRestart = timer.schedule(() -> restartAfterExit(w), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartAfterExit(Watched w) {
        synchronized (this) {
            w.pendingRestart = null;
            if (!w.wanted || closed) {
                return;
            }
            change(w, new ProcessStatus(w.process.name(), ProcessState.RESTARTING, w.status.pid(), w.status.restarts() + 1,
                    w.status.exitCode(), w.status.signal(), Instant.now()));
        }
        launch(w, ProcessState.RESTARTING);
    }

    /** Records the new state, rewrites the state file, wakes the waiters and tells the listeners. */
    private void change(Watched w, ProcessStatus status) {
        w.status = status;
        writeState();
        notifyAll();
        if (!notifier.isShutdown()) {
            notifier.execute(() -> listeners.forEach(listener -> listener.accept(status)));
        }
    }

    private void writeState() {
        if (stateFile == null || closed) {
            return;
        }
        List<PlatformState.Entry> entries = new ArrayList<>();
        for (Watched w : watched.values()) {
            if (w.process.hasRun()) {
                entries.add(PlatformState.Entry.of(w.process, w.status, w.startedAt));
            }
        }
        try {
            stateFile.apply(entries).write();
        } catch (PlatformException e) {
            progress.accept(e.getMessage());
        }
    }

    private Watched find(String name) {
        Watched w = watched.get(name);
        if (w == null) {
            throw new PlatformException("no process " + name + "; there are " + String.join(", ", watched.keySet()));
        }
        return w;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A mutable reference the state file's function reads. */
    private static final class Holder<T> {
        private volatile T value;

        Holder(T value) {
            this.value = value;
        }
    }

    /** One watched process and what the supervisor knows of it; guarded by the supervisor. */
    private static final class Watched {
        final ManagedProcess process;
        ProcessStatus status;
        boolean wanted;
        /** Counts the processes started (or adopted) for this name, so that a late exit of an earlier one is ignored. */
        int generation;
        int handledGeneration;
        Duration nextBackoff;
        Instant runningSince;
        Instant startedAt;
        String signalSent;
        ScheduledFuture<?> pendingRestart;

        Watched(ManagedProcess process, Duration initialBackoff) {
            this.process = process;
            this.nextBackoff = initialBackoff;
            this.wanted = process.isAlive();
            this.startedAt = process.startedAt().orElse(null);
            this.status = new ProcessStatus(process.name(), ProcessState.STOPPED,
                    process.hasRun() ? Optional.of(process.pid()) : Optional.empty(), 0, Optional.empty(), Optional.empty(), Instant.now());
        }

        ProcessStatus status(ProcessState state) {
            return new ProcessStatus(process.name(), state, process.hasRun() ? Optional.of(process.pid()) : status.pid(), status.restarts(),
                    status.exitCode(), status.signal(), Instant.now());
        }

        void cancelRestart() {
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
        }
    }
}
