package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PlatformSupervisor;
import io.relaybox.platform.Secrets;
import io.relaybox.topology.Topology;
import io.relaybox.verification.audit.DemoResult;
import io.relaybox.verification.audit.PlatformDatabases;
import io.relaybox.verification.audit.DemoMode;
import io.relaybox.verification.audit.OrderDemo;
import io.relaybox.verification.audit.OrdersApi;
import io.relaybox.verification.audit.SinkEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Starts the platform (unless it runs), places orders, checks every event arrived, and stops what it started. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start the platform, place orders over HTTP, wait until every OrderPlaced event is in "
        + "Kafka and the saga settled every order, check the invariants, wait until Elasticsearch and the S3 archive hold "
        + "every event published about the orders and the mail server an e-mail about every order that ended, print a summary "
        + "and stop the platform. Exits non-zero when an event was lost, an invariant broke, a sink does not hold every "
        + "event exactly once, or an order that ended has no e-mail or two different ones.",
        footer = {"", "Example: ./platform demo --orders 3000 --concurrency 16", "         ./platform demo --mode shadow"})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--orders", defaultValue = "1000", description = "How many orders to place (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--concurrency", defaultValue = "8", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "How long to wait for the events (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--mode", defaultValue = "events", paramLabel = "MODE", description = "The migration mode of inventory and payment for "
            + "the demo's orders: monolith (the monolith's legacy module decides), sync (it calls the services inside the request), "
            + "shadow (both decide, the legacy answer counts, the diff is reported), events (the services decide from the events; "
            + "default).")
    String mode;

    @Mixin
    ExactlyOnceOption exactlyOnce;

    @Mixin
    RelayOption relay;

    @Mixin
    ClusterOption cluster;

    @Mixin
    MonitoringOption monitoring;

    @Override
    public Integer call() throws Exception {
        if (orders < 1 || concurrency < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--orders and --concurrency must be positive");
        }
        if (!DemoMode.MODES.contains(mode)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--mode must be one of " + DemoMode.MODES
                    + ", was: " + mode);
        }
        Optional<PlatformState> running = PlatformState.read(cli.runFolder())
                .filter(s -> s.liveSupervisor().isPresent() || s.processes().stream().allMatch(PlatformState.Entry::isAlive));
        LocalPlatform started = null;
        PlatformSupervisor supervisor = null;
        Map<String, String> endpoints;
        if (running.isPresent()) {
            System.out.println("using the platform that runs from " + cli.runFolder());
            endpoints = running.get().endpoints();
        } else {
            started = UpCommand.start(cli, false, exactlyOnce.exactlyOnce, monitoring.monitoring, relay.runtime(),
                    cluster.shape(new picocli.CommandLine(this)));
            supervisor = PlatformSupervisor.watch(started, line -> System.out.println("  " + line));
            // on Ctrl-C the supervisor must let go before the processes stop, or it would start them again
            started.detach();
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "relaybox-demo-stop"));
            endpoints = started.endpoints();
        }
        DemoResult result;
        try {
            // every instance of every service that applies events through the inbox, as the topology names them
            List<String> consumers = Topology.load().inboxConsumers().stream().flatMap(service -> service.endpointNames().stream())
                    .map(endpoints::get).filter(java.util.Objects::nonNull).toList();
            Secrets secrets = Secrets.in(cli.runFolder());
            PlatformDatabases databases = new PlatformDatabases(endpoints.get("postgres"), secrets.password("postgres"));
            result = new OrderDemo(new OrdersApi(endpoints.get("orders-api")), endpoints.get("kafka"), databases, consumers,
                    sinkEndpoints(endpoints, secrets), Optional.ofNullable(endpoints.get("mail-api")),
                    Optional.ofNullable(endpoints.get("analytics-streams")), System.out)
                    .run(orders, concurrency, timeout,
                            Optional.of(new DemoMode(new MigrationApi(java.net.URI.create(endpoints.get("orders-api"))), mode)));
        } finally {
            if (started != null) {
                System.out.println("stopping the platform");
                supervisor.stopAll();
            }
        }
        if (result.failedRequests() > 0) {
            System.out.println(result.failedRequests() + " of " + orders + " POST /orders failed");
        }
        result.sinks().ifPresent(sinks -> {
            if (sinks.archivedCopies() > 0) {
                System.out.println("the archive holds " + sinks.archivedCopies() + " Kafka records more than once");
            }
            if (sinks.resentCopies() > 0) {
                System.out.println(sinks.resentCopies() + " events were in Kafka twice (re-sent by CDC after a crash); "
                        + "the archive keeps both records, consumers deduplicate by event id");
            }
        });
        result.emails().ifPresent(emails -> {
            if (!emails.missing().isEmpty()) {
                System.out.println(emails.missing().size() + " orders that ended have no e-mail, e.g. " + emails.missing().get(0));
            }
            emails.doubleSentOrders().forEach(order -> System.out.println("order " + order + " was e-mailed twice with different Message-IDs"));
            emails.duplicateMessageIds().forEach((messageId, copies) -> System.out.println("e-mail " + messageId + " arrived " + copies
                    + " times: resent after a crash between the SMTP server's acceptance and its record (same Message-ID, detectable)"));
        });
        result.analytics().ifPresent(analytics -> analytics.differences().forEach(d -> System.out.println("ANALYTICS DIFFERS: " + d)));
        System.out.println(result.summaryLine());
        return result.succeeded() ? 0 : 1;
    }

    /** Where the sinks of the running platform write, unless it runs without them. */
    private static Optional<SinkEndpoints> sinkEndpoints(Map<String, String> endpoints, Secrets secrets) {
        if (!endpoints.containsKey("elasticsearch") || !endpoints.containsKey("s3")) {
            return Optional.empty();
        }
        ElasticsearchServer.Credentials elasticsearch = LocalPlatform.elasticsearchCredentials(secrets);
        return Optional.of(new SinkEndpoints(endpoints.get("elasticsearch"), elasticsearch.user(), elasticsearch.password(),
                endpoints.get("s3"), LocalPlatform.SINK_USER, LocalPlatform.s3SecretKey(secrets), LocalPlatform.ARCHIVE_BUCKET,
                LocalPlatform.ARCHIVE_PREFIX));
    }
}
