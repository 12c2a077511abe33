package io.relaybox.platform.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.relaybox.connectctl.ApplyResult;
import io.relaybox.platform.ClusterShape;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PlatformSupervisor;
import io.relaybox.platform.RelayRuntime;
import io.relaybox.platform.PortPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The supervisor JVM that {@code up} launches in the background: it starts the platform (or, when processes of an earlier
 * supervisor still run, adopts them by PID and starts the rest on the same ports), then watches it and takes commands on
 * its control port until {@code down}. Its output goes to {@code <run folder>/logs/supervisor.log}.
 */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Start the platform and watch it (launched by ./platform up; not for direct use).")
final class SuperviseCommand implements Callable<Integer> {

    static final String LOG_FILE = "supervisor.log";

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--free-ports", description = "Use free ports instead of the defaults.")
    boolean freePorts;

    @Mixin
    ExactlyOnceOption exactlyOnce;

    @Mixin
    RelayOption relay;

    @Mixin
    ClusterOption cluster;

    @Mixin
    MonitoringOption monitoring;

    @Option(names = "--start-timeout", defaultValue = "PT3M", description = "How long each process may take to become ready.")
    Duration startTimeout;

    @Override
    public Integer call() throws InterruptedException {
        Path run = cli.runFolder();
        Consumer<String> progress = line -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        Optional<PlatformState> previous = PlatformState.read(run);
        Optional<PlatformState.Supervisor> other = previous.flatMap(PlatformState::liveSupervisor)
                .filter(s -> s.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            progress.accept("another supervisor (pid " + other.get().pid() + ") watches " + run + "; this one exits");
            return 2;
        }
        List<PlatformState.Entry> alive = previous.map(s -> s.processes().stream().filter(PlatformState.Entry::isAlive).toList())
                .orElse(List.of());
        boolean adopt = !alive.isEmpty() && previous.get().ports() != null;
        PortPlan ports = adopt ? previous.get().ports() : freePorts ? PortPlan.free() : PortPlan.preferred();
        boolean exactlyOnceSource = adopt && previous.get().exactlyOnceSource() != null ? previous.get().exactlyOnceSource()
                : exactlyOnce.exactlyOnce;
        // adopting, the processes that run say which relay the platform was started with
        RelayRuntime runtime = adopt ? previous.get().processes().stream().anyMatch(entry -> entry.name().equals("relay"))
                ? RelayRuntime.EMBEDDED : RelayRuntime.CONNECT : relay.runtime();
        // and how many brokers and workers it has
        ClusterShape shape = adopt ? ClusterShape.ofProcesses(previous.get().processes().stream().map(PlatformState.Entry::name).toList())
                : cluster.shape(new picocli.CommandLine(this));
        PlatformSettings settings = new PlatformSettings(cli.layout(), run, ports, startTimeout)
                .withExactlyOnceSource(exactlyOnceSource).withMonitoring(monitoring.monitoring).withRelay(runtime).withCluster(shape);
        try (SupervisorControl control = SupervisorControl.start(run)) {
            PlatformState.Supervisor self = PlatformState.Supervisor.self(control.port(), PlatformState.Supervisor.STARTING,
                    run.resolve("logs").resolve(LOG_FILE));
            // the earlier processes stay listed, so that down finds them even while this supervisor starts
            new PlatformState(run, previous.map(PlatformState::postgresData).orElse(null),
                    previous.map(PlatformState::endpoints).orElse(java.util.Map.of()), previous.map(PlatformState::processes).orElse(List.of()),
                    ports, exactlyOnceSource, self).write();
            PlatformSupervisor supervisor;
            try {
                supervisor = adopt ? adoptAndStartTheRest(settings, alive, self, progress) : startAll(settings, self, progress);
            } catch (RuntimeException e) {
                progress.accept("error: the platform did not start: " + e.getMessage());
                PlatformState.read(run).map(s -> new PlatformState(s.runFolder(), s.postgresData(), s.endpoints(), s.processes(), s.ports(),
                        s.exactlyOnceSource(), self.inPhase(PlatformState.Supervisor.FAILED))).ifPresent(PlatformState::write);
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "relaybox-supervisor-stop"));
            control.serve(supervisor);
            supervisor.describeSupervisor(self.inPhase(PlatformState.Supervisor.READY));
            progress.accept("the platform runs; this supervisor (pid " + self.pid() + ", control port " + control.port()
                    + ") restarts whatever exits unasked");
            control.awaitShutdownRequest();
            progress.accept("stopping every process (./platform down)");
            supervisor.stopAll();
            progress.accept("stopped");
            return 0;
        }
    }

    private static PlatformSupervisor startAll(PlatformSettings settings, PlatformState.Supervisor self, Consumer<String> progress) {
        progress.accept("starting the relaybox platform in " + settings.runFolder()
                + (settings.exactlyOnceSource() ? "" : " without exactly-once source (events reach Kafka at least once)"));
        LocalPlatform platform = LocalPlatform.start(settings, progress);
        // from here on the supervisor stops the processes when this JVM ends (and only then: killed, it leaves them running)
        platform.detach();
        return PlatformSupervisor.watch(platform, self, progress);
    }

    private static PlatformSupervisor adoptAndStartTheRest(PlatformSettings settings, List<PlatformState.Entry> alive,
            PlatformState.Supervisor self, Consumer<String> progress) {
        LocalPlatform platform = LocalPlatform.describe(settings, progress);
        PlatformSupervisor supervisor = PlatformSupervisor.watch(platform, self, progress);
        for (PlatformState.Entry entry : alive) {
            if (supervisor.names().contains(entry.name())) {
                entry.handle().ifPresent(handle -> {
                    supervisor.adopt(entry.name(), handle, entry.restarts() == null ? 0 : entry.restarts());
                    progress.accept(String.format("%-24s adopted: it runs as pid %d", entry.name(), handle.pid()));
                });
            }
        }
        supervisor.startMissing();
        for (ApplyResult connector : platform.registerConnectors()) {
            progress.accept(String.format("connector %-24s %s, RUNNING", connector.name(), connector.action().word()));
        }
        return supervisor;
    }
}
