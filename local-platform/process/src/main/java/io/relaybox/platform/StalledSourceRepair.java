package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorStatus;

/**
 * Finds outbox source connectors that stalled ({@link StalledSources}) and restarts them through Connect's REST API
 * ({@code POST /connectors/{name}/restart?includeTasks=true}); first it saves a thread dump of the Connect worker to the
 * logs folder ({@code connect-threads-<millis>.txt}), because why the task thread got stuck is not known yet. The stuck
 * instance is abandoned by the worker; with exactly-once sources the new instance's transactional producer fences it, so
 * it cannot write anything after. Call {@link #check()} periodically, from one thread.
 */
public final class StalledSourceRepair {

    private static final long DUMP_SECONDS = 30;

    private final PostgresServer postgres;
    private final ConnectWorker worker;
    private final ConnectClient connect;
    private final List<String> sources;
    private final Function<String, ProcessStatus> processes;
    private final Path logs;
    private final StalledSources stalled;
    private final Consumer<String> progress;
    private int restarted;

    /**
     * @param sources the outbox source connectors' names
     * @param processes the supervisor's view of a process by name ({@code postgres}, {@code connect})
     * @param logs where the thread dumps go
     * @param patience far longer than Debezium takes to reconnect
     * @param progress one line per restart
     */
    public StalledSourceRepair(PostgresServer postgres, ConnectWorker worker, List<String> sources,
            Function<String, ProcessStatus> processes, Path logs, Duration patience, Consumer<String> progress) {
        this.postgres = postgres;
        this.worker = worker;
        this.connect = worker.client();
        this.sources = List.copyOf(sources);
        this.processes = processes;
        this.logs = logs;
        this.stalled = new StalledSources(patience);
        this.progress = progress;
    }

    /** Looks once, and restarts what stalled. */
    public void check() {
        ProcessStatus database = processes.apply(postgres.process().name());
        ProcessStatus connectProcess = processes.apply(worker.process().name());
        boolean running = database.state() == ProcessState.RUNNING && connectProcess.state() == ProcessState.RUNNING;
        Instant since = database.since().isAfter(connectProcess.since()) ? database.since() : connectProcess.since();
        List<StalledSources.Source> seen = running ? look() : List.of();
        for (String connector : stalled.look(running, since, seen, Instant.now())) {
            Optional<Path> dump = dumpThreads(connectProcess.pid());
            connect.restart(connector, true, false);
            stalled.forget(connector);
            restarted++;
            progress.accept(String.format("restarted %s: its task was RUNNING but its replication slot had no reader for over %d s"
                    + " while PostgreSQL and Connect ran%s", connector, stalled.patience().toSeconds(),
                    dump.map(path -> "; the worker's threads are in " + path).orElse("")));
        }
    }

    /** How many connectors were restarted. */
    public int restarted() {
        return restarted;
    }

    private List<StalledSources.Source> look() {
        Map<String, Boolean> slots = slotsActive();
        List<StalledSources.Source> seen = new ArrayList<>();
        for (String source : sources) {
            Optional<String> slot = connect.config(source).map(config -> config.get("slot.name"));
            Optional<ConnectorStatus> status = connect.status(source);
            if (slot.isPresent() && status.isPresent()) {
                seen.add(new StalledSources.Source(source, status.get().isRunning(), slots.getOrDefault(slot.get(), false)));
            }
        }
        return seen;
    }

    private Map<String, Boolean> slotsActive() {
        Map<String, Boolean> active = new HashMap<>();
        try (Connection connection = postgres.connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet slots = statement.executeQuery("SELECT slot_name, active FROM pg_replication_slots")) {
            while (slots.next()) {
                active.put(slots.getString(1), slots.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot read PostgreSQL's replication slots: " + e.getMessage(), e);
        }
        return active;
    }

    /** {@code jcmd <pid> Thread.print} into the logs folder; empty when that fails (the restart goes on). */
    private Optional<Path> dumpThreads(Optional<Long> pid) {
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path dump = logs.resolve("connect-threads-" + System.currentTimeMillis() + ".txt");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid.get()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!process.waitFor(DUMP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(dump) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
