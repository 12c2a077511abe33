package io.relaybox.verification.verify;

import io.relaybox.topology.ServiceDescriptor;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.FaultProxy;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.AnalyticsStats;
import io.relaybox.verification.audit.AnalyticsTotals;
import io.relaybox.verification.audit.DemoSeed;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import io.relaybox.verification.audit.PlatformDatabases;
import io.relaybox.verification.audit.SinkEndpoints;

/**
 * {@code ./platform verify}: sizes stock and balances for the load, holds a steady open-loop order load for the given
 * time while a seeded fault schedule fires (one fault after the other, each awaited until the platform recovered; the
 * load runs on until the last fault recovered), then has the {@link ExactlyOnceAudit} wait until the platform is quiet
 * and check every sink against the retained outbox rows.
 */
public final class VerificationRun {

    /** How long a process may take to be ready again, a sink to write again (a loaded two-core machine is slow). */
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(6);
    /** The analytics application's endpoint, as the platform lists its single instance. */
    static final String ANALYTICS = "analytics-streams";

    /**
     * @param load how long the orders come
     * @param rate orders per second
     * @param seed the seed of the fault schedule, the instances a kill hits, and the orders
     * @param kinds the fault kinds to use, each at least once
     * @param faultCount how many faults in all
     * @param quietTimeout how long the audit waits for the platform to settle
     */
    public record Options(Duration load, double rate, long seed, List<FaultKind> kinds, int faultCount, Duration quietTimeout) {

        public Options {
            kinds = List.copyOf(kinds);
        }

        /** The schedule these options give. */
        public FaultSchedule schedule() {
            return FaultSchedule.of(seed, load, kinds, faultCount);
        }
    }

    private final LocalPlatform platform;
    private final ProcessControl control;
    private final PrintStream out;

    /**
     * @param platform a platform started with {@code PlatformSettings.withVerification(true)}
     * @param control kills, stops and starts its processes
     * @param out the report and progress lines
     */
    public VerificationRun(LocalPlatform platform, ProcessControl control, PrintStream out) {
        this.platform = platform;
        this.control = control;
        this.out = out;
    }

    public VerificationOutcome run(Options options) throws SQLException {
        FaultSchedule schedule = options.schedule();
        out.printf("verify: %d s of %s orders/s, %d faults, seed %d (repeat with --seed %d)%n", options.load().toSeconds(),
                options.rate(), schedule.faults().size(), options.seed(), options.seed());
        schedule.faults().forEach(fault -> out.printf("  at %6.1f s  %s%n", fault.at().toMillis() / 1000.0, fault.kind().id()));
        Map<String, String> endpoints = platform.endpoints();
        PlatformDatabases databases = new PlatformDatabases(endpoints.get("postgres"), platform.secrets().password("postgres"));
        int orders = (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(options.rate() * options.load().toSeconds())));
        DemoSeed sizes = DemoSeed.forOrders(orders);
        sizes.applyTo(databases);
        out.println(sizes.describe(orders));
        Optional<ClusterFaults> cluster = clusterFaults();
        FaultInjector injector = new FaultInjector(control, platform.connectClient(), proxies(), serviceInstances(),
                List.of(LocalPlatform.ELASTICSEARCH_CONNECTOR, LocalPlatform.ARCHIVE_CONNECTOR), sourceConnectors(),
                platform.relay().isPresent() ? SourcePositions.replicationSlots(platform) : SourcePositions.connectOffsets(platform.connectClient()),
                options.seed(), RECOVERY_TIMEOUT, cluster);

        Optional<String> analyticsUrl = Optional.ofNullable(endpoints.get(ANALYTICS));
        AnalyticsTotals analyticsBefore = analyticsUrl.isPresent() ? analyticsTotals(analyticsUrl.get()) : null;
        Instant start = Instant.now();
        List<FaultRecord> faults = new ArrayList<>();
        SteadyOrderLoad load = new SteadyOrderLoad(new OrdersApi(endpoints.get("orders-api")), new OrderGenerator(options.seed()),
                options.rate());
        try {
            load.start();
            for (ScheduledFault scheduled : schedule.faults()) {
                Polling.sleepUntil(start.plus(scheduled.at()));
                out.printf("fault %s at %.1f s ...%n", scheduled.kind().id(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
                FaultRecord fault = injector.inject(scheduled.kind(), start);
                faults.add(fault);
                out.printf("fault %s of %s: %s%s%n", fault.kind().id(), fault.target(), fault.recovery()
                        .map(r -> String.format("recovered after %.1f s", r.toMillis() / 1000.0)).orElse("NOT recovered: " + fault.note()),
                        fault.failover().map(f -> String.format(" (failover after %.1f s)", f.toMillis() / 1000.0)).orElse(""));
            }
            Polling.sleepUntil(start.plus(options.load()));
        } finally {
            load.close();
            cluster.ifPresent(ClusterFaults::close);
        }
        LoadTally tally = load.tally();
        out.printf("the load ran %.0f s; %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0, tally.describe());

        Set<String> acknowledged = load.acknowledged();
        ExactlyOnceAudit audit = new ExactlyOnceAudit(databases, endpoints.get("kafka"), sinkEndpoints(platform),
                platform.settings().exactlyOnceSource(), out).withServiceEndpoints(endpoints);
        if (analyticsBefore != null) {
            audit = audit.withAnalytics(analyticsUrl.get(), analyticsBefore);
        }
        AuditReport report = audit.run(acknowledged, start, options.quietTimeout());
        VerificationOutcome outcome = new VerificationOutcome(options.seed(), tally, faults, report, Duration.between(start, Instant.now()));
        outcome.report().forEach(out::println);
        return outcome;
    }

    /** What the faults of a cluster need, when the platform runs more than one broker or worker. */
    private Optional<ClusterFaults> clusterFaults() {
        if (!platform.settings().cluster().isCluster()) {
            return Optional.empty();
        }
        Map<String, io.relaybox.connectctl.ConnectClient> workers = new LinkedHashMap<>();
        platform.connectWorkers().forEach(worker -> workers.put(worker.process().name(), worker.client()));
        return Optional.of(new ClusterFaults(platform.kafka().bootstrapServers(), workers));
    }

    private Map<String, FaultProxy> proxies() {
        Map<String, FaultProxy> proxies = new LinkedHashMap<>();
        for (String server : List.of("elasticsearch", "s3")) {
            platform.faultProxy(server).ifPresent(proxy -> proxies.put(server, proxy));
        }
        return proxies;
    }

    /** The analytics application's totals once it answers (it may still be restoring its stores). */
    private static AnalyticsTotals analyticsTotals(String url) {
        try {
            return new AnalyticsStats(url).totalsOnceAnswering(RECOVERY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The outbox source connector of each service the platform runs. */
    private List<String> sourceConnectors() {
        return platform.settings().services().stream().map(ServiceKind::descriptor)
                .filter(ServiceDescriptor::hasSourceConnector).map(ServiceDescriptor::sourceConnector).toList();
    }

    /** The instances each service-killing fault chooses from, as the topology names them. */
    private static Map<FaultKind, List<String>> serviceInstances() {
        return Map.of(FaultKind.MONOLITH_KILL, ServiceKind.named("order-monolith").descriptor().instanceNames(),
                FaultKind.INVENTORY_KILL, ServiceKind.named("inventory-service").descriptor().instanceNames(),
                FaultKind.PAYMENT_KILL, ServiceKind.named("payment-service").descriptor().instanceNames(),
                FaultKind.NOTIFICATION_KILL, ServiceKind.named("notification-service").descriptor().instanceNames(),
                FaultKind.ANALYTICS_KILL, ServiceKind.named(ANALYTICS).descriptor().instanceNames());
    }

    /** Where the sinks write, reached directly (not through the fault proxies), for the audit. */
    public static SinkEndpoints sinkEndpoints(LocalPlatform platform) {
        ElasticsearchServer elasticsearch = platform.elasticsearch()
                .orElseThrow(() -> new IllegalStateException("a verification run needs the sinks: the platform runs without them"));
        ElasticsearchServer.Credentials user = LocalPlatform.elasticsearchCredentials(platform.secrets());
        return new SinkEndpoints(elasticsearch.url(), user.user(), user.password(), platform.s3().orElseThrow().endpoint(),
                LocalPlatform.SINK_USER, LocalPlatform.s3SecretKey(platform.secrets()), LocalPlatform.ARCHIVE_BUCKET,
                LocalPlatform.ARCHIVE_PREFIX);
    }
}
