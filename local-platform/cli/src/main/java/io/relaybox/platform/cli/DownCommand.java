package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Stops every process of the platform, by PID. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the supervisor and every process of the platform (the services, Connect and the monitoring first, then the servers; in reverse start order by PID when the supervisor is gone).",
        footer = {"", "Example: ./platform down --purge"})
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    /** Every process may take its stop timeout (PostgreSQL, Elasticsearch: 30 s or more), one after the other. */
    private static final Duration SUPERVISOR_STOP_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--purge", description = "Also delete the run folder: data, logs and generated secrets.")
    boolean purge;

    @Override
    public Integer call() {
        Optional<PlatformState> state = PlatformState.read(cli.runFolder());
        Optional<PlatformState.Supervisor> supervisor = state.flatMap(PlatformState::liveSupervisor);
        supervisor.ifPresent(this::stopSupervisor);
        // the supervisor deletes the file once it stopped everything; a supervisor killed on the way leaves it, as it was last
        Optional<PlatformState> left = PlatformState.read(cli.runFolder()).or(() -> state);
        if (left.isEmpty()) {
            System.out.println("nothing runs from " + cli.runFolder());
        } else {
            List<PlatformState.Entry> entries = new ArrayList<>(left.get().processes());
            Collections.reverse(entries);
            for (PlatformState.Entry entry : entries) {
                if (entry.isAlive()) {
                    entry.stop(Duration.ofSeconds(30));
                    System.out.printf("stopped %-16s pid %d%n", entry.name(), entry.pid());
                } else if (supervisor.isEmpty()) {
                    System.out.printf("%-24s pid %d does not run%n", entry.name(), entry.pid());
                }
            }
            left.get().delete();
        }
        if (purge) {
            RunFolder.purge(cli.runFolder(), state.map(PlatformState::postgresData));
            System.out.println("deleted " + cli.runFolder());
        }
        return 0;
    }

    /**
     * Asks the supervisor to stop every process and exit, so that nothing is restarted while the processes stop; a
     * supervisor that does not answer is stopped by its PID (its shutdown stops the processes too). What still runs after
     * that is stopped by PID.
     */
    private void stopSupervisor(PlatformState.Supervisor supervisor) {
        ProcessHandle handle = supervisor.handle().orElse(null);
        if (handle == null) {
            return;
        }
        if (supervisor.controlPort() == 0) {
            System.out.println("the platform runs inside pid " + supervisor.pid() + " (./platform demo or a test); stopping that process");
            handle.destroy();
        } else {
            shutDown(supervisor, handle);
        }
        awaitExit(supervisor, handle);
    }

    private void shutDown(PlatformState.Supervisor supervisor, ProcessHandle handle) {
        try {
            System.out.println(SupervisorClient.require(cli.runFolder()).post("shutdown"));
        } catch (PlatformException e) {
            System.out.println(e.getMessage() + "; stopping the supervisor (pid " + supervisor.pid() + ")");
            handle.destroy();
        }
    }

    private static void awaitExit(PlatformState.Supervisor supervisor, ProcessHandle handle) {
        try {
            handle.onExit().get(SUPERVISOR_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("stopped %-16s pid %d%n", "supervisor", supervisor.pid());
        } catch (Exception e) {
            System.out.println("the supervisor (pid " + supervisor.pid() + ") did not stop within " + SUPERVISOR_STOP_TIMEOUT.toMinutes()
                    + " minutes; killing it");
            handle.destroyForcibly();
        }
    }
}
