package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.relaybox.platform.ClusterShape;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PortPlan;
import io.relaybox.platform.RelayRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Starts the platform in the background. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the platform in the background, watched by a supervisor that restarts whatever exits unasked, "
        + "and print where everything listens. On a partly running platform: start what is missing.",
        footer = {"", "Example: ./platform up"})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--free-ports", description = "Use free ports instead of the defaults (15432, 19092, 18083, 18080).")
    boolean freePorts;

    @Mixin
    ExactlyOnceOption exactlyOnce;

    @Mixin
    MonitoringOption monitoring;

    @Mixin
    RelayOption relay;

    @Mixin
    ClusterOption cluster;

    @Option(names = "--start-timeout", defaultValue = "PT3M", description = "How long each process may take to become ready "
            + "(ISO-8601, default: ${DEFAULT-VALUE}); longer on a slow or busy machine.")
    Duration startTimeout;

    @Override
    public Integer call() throws InterruptedException {
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--start-timeout must be positive");
        }
        Optional<PlatformState> state = PlatformState.read(cli.runFolder());
        Optional<PlatformState.Supervisor> supervisor = state.flatMap(PlatformState::liveSupervisor);
        if (supervisor.isPresent() && supervisor.get().controlPort() == 0) {
            System.out.println("the platform runs in " + cli.runFolder() + ", inside another command (pid " + supervisor.get().pid()
                    + ", ./platform demo or a test) that watches it:");
            return new StatusCommand().show(cli.runFolder(), false);
        }
        if (supervisor.isPresent() && PlatformState.Supervisor.READY.equals(supervisor.get().phase())) {
            System.out.println("the platform runs in " + cli.runFolder() + "; its supervisor (pid " + supervisor.get().pid()
                    + ") starts what is missing");
            System.out.println(SupervisorClient.require(cli.runFolder()).post("start-missing"));
            return new StatusCommand().show(cli.runFolder(), false);
        }
        if (supervisor.isPresent()) {
            throw new PlatformException("a supervisor (pid " + supervisor.get().pid() + ") is " + supervisor.get().phase()
                    + " the platform in " + cli.runFolder() + "; see " + supervisor.get().logFile());
        }
        boolean partly = state.map(s -> s.processes().stream().anyMatch(PlatformState.Entry::isAlive)).orElse(false);
        System.out.println(partly ? "processes of the platform still run in " + cli.runFolder() + " without a supervisor; "
                + "a new supervisor adopts them and starts the rest"
                : "launching the platform's supervisor; it starts the platform in " + cli.runFolder());
        List<String> arguments = new ArrayList<>();
        if (freePorts) {
            arguments.add("--free-ports");
        }
        arguments.add(exactlyOnce.exactlyOnce ? "--exactly-once" : "--no-exactly-once");
        arguments.add(monitoring.monitoring ? "--monitoring" : "--no-monitoring");
        arguments.add("--relay=" + relay.runtime().word());
        arguments.addAll(ClusterOption.arguments(cluster.shape(new picocli.CommandLine(this))));
        arguments.add("--start-timeout=" + startTimeout);
        if (!SupervisorLaunch.start(cli.runFolder(), arguments).followUntilReady()) {
            return 1;
        }
        printEndpoints(new java.util.TreeMap<>(PlatformState.read(cli.runFolder()).orElseThrow().endpoints()));
        System.out.println("a supervisor restarts whatever exits unasked (./platform status shows RESTARTS); stop it all with: ./platform down");
        return 0;
    }

    static LocalPlatform start(PlatformCli cli, boolean freePorts, boolean exactlyOnce, boolean monitoring, RelayRuntime relay,
            ClusterShape cluster) {
        System.out.println("starting the relaybox platform in " + cli.runFolder()
                + (relay == RelayRuntime.EMBEDDED ? " with the embedded relay (events reach Kafka at least once)"
                        : exactlyOnce ? "" : " without exactly-once source (events reach Kafka at least once)")
                + (monitoring ? "" : " without monitoring")
                + (cluster.isCluster() ? " as a cluster of " + cluster.brokers() + " brokers and " + cluster.connectWorkers() + " Connect workers" : ""));
        PlatformSettings settings = new PlatformSettings(cli.layout(), cli.runFolder(),
                freePorts ? PortPlan.free() : PortPlan.preferred(), Duration.ofSeconds(180)).withExactlyOnceSource(exactlyOnce)
                .withMonitoring(monitoring).withRelay(relay).withCluster(cluster);
        return LocalPlatform.start(settings, line -> System.out.println("  " + line));
    }

    static void printEndpoints(Map<String, String> endpoints) {
        System.out.println("the platform runs:");
        endpoints.forEach((name, endpoint) -> System.out.printf("  %-12s %s%n", name, endpoint));
    }
}
