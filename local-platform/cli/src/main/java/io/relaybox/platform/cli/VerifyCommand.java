package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.relaybox.platform.ClusterShape;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PlatformSupervisor;
import io.relaybox.platform.PortPlan;
import io.relaybox.platform.RelayRuntime;
import io.relaybox.verification.verify.FaultKind;
import io.relaybox.verification.verify.FaultSchedule;
import io.relaybox.verification.verify.SupervisedProcessControl;
import io.relaybox.verification.verify.VerificationOutcome;
import io.relaybox.verification.verify.VerificationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Starts a platform for verification, holds an order load under seeded faults, audits every sink, and stops it. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "The exactly-once verification run: start the platform "
        + "with retained outbox rows (the ledger) and fault proxies in front of Elasticsearch and S3, hold a steady order load "
        + "while a seeded fault schedule kills, restarts and throttles its parts, wait until everything is quiet, and check "
        + "every sink against the outbox rows the databases committed. Prints a report and ends with the line VERIFY orders=N "
        + "events=E faults=F lost=L duplicates=D invariants=ok|broken seed=S seconds=T. Exits 0 only when nothing was lost, "
        + "nothing delivered twice and every invariant held; 1 otherwise.",
        footer = {"", "Fault kinds: " + "connect-kill, relay-kill (--relay embedded), kafka-restart, broker-kill and controller-kill "
                + "(--brokers 3), worker-kill (--connect-workers 2), postgres-restart, inventory-kill, payment-kill, monolith-kill, "
                + "notification-kill, analytics-kill, es-throttle, es-unavailable, s3-unavailable, group-rewind (or all: those the "
                + "platform's shape can take).",
            "", "Example: ./platform verify --minutes 5 --rate 20 --seed 42 --faults all",
            "         ./platform verify --brokers 3 --connect-workers 2 --faults broker-kill,controller-kill,worker-kill"})
final class VerifyCommand implements Callable<Integer> {

    /** Ten JVMs start at once: on a busy two-core machine a service has taken four minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "5", description = "How long the order load runs (default: ${DEFAULT-VALUE}); "
            + "it runs on until the last fault recovered.")
    int minutes;

    @Option(names = "--rate", defaultValue = "20", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", description = "The seed of the fault schedule and the orders; the same seed gives the same "
            + "schedule (default: from the clock, printed).")
    Long seed;

    @Option(names = "--faults", defaultValue = "all", description = "Comma-separated fault kinds, or all (default: ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--fault-count", description = "How many faults in all, at least one per kind (default: one per kind).")
    Integer faultCount;

    @Option(names = "--quiet-timeout", defaultValue = "PT10M", description = "How long to wait after the load until every order "
            + "is settled and every sink caught up (default: ${DEFAULT-VALUE}).")
    Duration quietTimeout;

    @Option(names = "--free-ports", description = "Use free ports instead of the defaults (15432, 19092, 18083, 18080).")
    boolean freePorts;

    @Mixin
    RelayOption relay;

    @Mixin
    ExactlyOnceOption exactlyOnce;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        VerificationRun.Options options = options();
        if (PlatformState.read(cli.runFolder()).map(s -> s.processes().stream().anyMatch(PlatformState.Entry::isAlive)).orElse(false)) {
            spec.commandLine().getErr().println("a platform already runs from " + cli.runFolder() + "; verify starts its own (with "
                    + "retained outbox rows and fault proxies): stop it first with ./platform down");
            return 1;
        }
        RelayRuntime runtime = relay.runtime();
        ClusterShape shape = cluster.shape(spec.commandLine());
        System.out.println("starting the relaybox platform for verification in " + cli.runFolder()
                + (runtime == RelayRuntime.EMBEDDED ? " with the embedded relay (events reach Kafka at least once)"
                        : exactlyOnce.exactlyOnce ? "" : " without exactly-once source (events reach Kafka at least once)")
                + (shape.isCluster() ? " as a cluster of " + shape.brokers() + " brokers and " + shape.connectWorkers() + " Connect workers" : ""));
        PlatformSettings settings = new PlatformSettings(cli.layout(), cli.runFolder(), freePorts ? PortPlan.free() : PortPlan.preferred(),
                START_TIMEOUT).withExactlyOnceSource(exactlyOnce.exactlyOnce).withVerification(true).withRelay(runtime).withCluster(shape);
        LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line));
        // the supervisor restarts what the schedule kills, as it would any crash; it lets go before the platform stops
        PlatformSupervisor supervisor = PlatformSupervisor.watch(platform, line -> System.out.println("  " + line));
        // on Ctrl-C too: were the platform stopped first, the supervisor would start its processes again
        platform.detach();
        Thread stopOnExit = new Thread(() -> stop(supervisor, platform), "relaybox-verify-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        VerificationOutcome outcome;
        try {
            outcome = new VerificationRun(platform, new SupervisedProcessControl(supervisor), System.out).run(options);
        } catch (PlatformException | IllegalStateException e) {
            System.out.println("error: " + e.getMessage());
            return 1;
        } finally {
            System.out.println("stopping the platform");
            stop(supervisor, platform);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook stops what is left
            }
        }
        return outcome.succeeded() ? 0 : 1;
    }

    private static void stop(PlatformSupervisor supervisor, LocalPlatform platform) {
        supervisor.close();
        platform.stop();
    }

    /** The options as a run takes them; bad ones are refused naming the option. */
    VerificationRun.Options options() {
        if (minutes < 1) {
            throw new ParameterException(spec.commandLine(), "--minutes must be at least 1, was " + minutes);
        }
        if (!(rate > 0) || rate > 10_000) {
            throw new ParameterException(spec.commandLine(), "--rate must be more than 0 and at most 10000 orders/s, was " + rate);
        }
        List<FaultKind> kinds;
        try {
            kinds = FaultKind.parseList(faults);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
        boolean embedded = relay.runtime() == RelayRuntime.EMBEDDED;
        ClusterShape shape = cluster.shape(spec.commandLine());
        boolean all = faults.trim().equalsIgnoreCase("all");
        List<FaultKind> applicable = new java.util.ArrayList<>();
        for (FaultKind kind : kinds) {
            java.util.Optional<String> unavailable = kind.unavailableOn(embedded, shape.brokers(), shape.connectWorkers());
            if (unavailable.isEmpty()) {
                applicable.add(kind);
            } else if (!all) {
                // named, it is refused; "all" means those this platform can take
                throw new ParameterException(spec.commandLine(), "--faults: " + unavailable.get());
            }
        }
        kinds = List.copyOf(applicable);
        int count = faultCount == null ? kinds.size() : faultCount;
        if (count < kinds.size()) {
            throw new ParameterException(spec.commandLine(), "--fault-count must be at least the number of fault kinds chosen ("
                    + kinds.size() + "), was " + count);
        }
        if (quietTimeout.isNegative() || quietTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--quiet-timeout must be positive, was " + quietTimeout);
        }
        long chosenSeed = seed != null ? seed : System.currentTimeMillis();
        VerificationRun.Options options = new VerificationRun.Options(Duration.ofMinutes(minutes), rate, chosenSeed, kinds, count,
                quietTimeout);
        try {
            FaultSchedule.of(chosenSeed, options.load(), kinds, count);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fault-count: " + e.getMessage());
        }
        return options;
    }
}
