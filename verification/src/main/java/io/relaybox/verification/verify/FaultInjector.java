package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorOffsets;
import io.relaybox.connectctl.TargetState;
import io.relaybox.platform.ClusterShape;
import io.relaybox.platform.FaultProxy;
import io.relaybox.platform.FaultProxy.Fault;
import io.relaybox.platform.FaultProxy.FaultPlan;

/**
 * Injects one fault and waits until the platform recovered from it. Recovery is counted from the injection until:
 * <ul>
 * <li>a killed or restarted process: it answers its readiness check again, every connector and its tasks run, every
 * outbox source committed a WAL position past the one it had committed once the process was back (it streams again:
 * under load its events, otherwise its heartbeats), and after that the first sink (Elasticsearch's) committed further
 * offsets: events flow again end to end. Statuses alone do not tell: after a broker restart Connect has reported
 * RUNNING from its status topic while its tasks were stopped, and after a PostgreSQL restart a source task has stayed
 * RUNNING while it streamed nothing; nor do the sink's offsets alone, which a backlog keeps moving;</li>
 * <li>a proxy fault (held for {@link #PROXY_FAULT}): the proxy forwarded a request the server answered with 2xx after
 * the fault was lifted (the sink writes again) and every connector runs;</li>
 * <li>the rewind of the sinks' groups: each sink committed again every offset it had committed before;</li>
 * <li>a lost node of a cluster (broker, controller, Connect worker): it is held down until the others took over what it
 * did (the failover, measured apart: every partition led by a live broker and, for the controller, another one leading
 * the quorum; every task running on a live worker), then started again; recovered once it is back (a broker: every
 * replica in sync again) and events flow end to end.</li>
 * </ul>
 */
final class FaultInjector {

    /** How long Elasticsearch or S3 answers with errors. */
    static final Duration PROXY_FAULT = Duration.ofSeconds(20);
    /** At most this many records per partition are read again by the rewound sink. */
    static final long MAX_REWIND = 20_000;

    private final ProcessControl control;
    private final ConnectClient connect;
    private final List<String> connectors;
    private final Map<String, FaultProxy> proxies;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<FaultKind, List<String>> instances;
    private final List<String> rewoundConnectors;
    private final List<String> sources;
    private final SourcePositions positions;
    private final Random random;
    private final Duration timeout;
    private final Optional<ClusterFaults> cluster;

    /**
     * @param proxies the fault proxies by server name ({@code elasticsearch}, {@code s3})
     * @param instances the instances each service-killing kind chooses from (monolith-kill, inventory-kill, payment-kill, notification-kill, analytics-kill)
     * @param rewoundConnectors the sink connectors group-rewind rewinds, one after the other
     * @param sources the outbox source connectors (Debezium's), each of which must stream again after a process fault
     * @param seed chooses the instance a kill hits
     * @param timeout how long recovery may take before the fault counts as not recovered
     */
    FaultInjector(ProcessControl control, ConnectClient connect, Map<String, FaultProxy> proxies, Map<FaultKind, List<String>> instances,
            List<String> rewoundConnectors, List<String> sources, SourcePositions positions, long seed, Duration timeout) {
        this(control, connect, proxies, instances, rewoundConnectors, sources, positions, seed, timeout, Optional.empty());
    }

    /** @param cluster what the faults of a cluster (broker, controller, worker kills) need; empty on a single node */
    FaultInjector(ProcessControl control, ConnectClient connect, Map<String, FaultProxy> proxies, Map<FaultKind, List<String>> instances,
            List<String> rewoundConnectors, List<String> sources, SourcePositions positions, long seed, Duration timeout,
            Optional<ClusterFaults> cluster) {
        this.cluster = cluster;
        this.control = control;
        this.connect = connect;
        this.connectors = connect.connectors();
        this.proxies = Map.copyOf(proxies);
        this.instances = Map.copyOf(instances);
        this.rewoundConnectors = List.copyOf(rewoundConnectors);
        this.sources = List.copyOf(sources);
        this.positions = positions;
        this.random = new Random(seed);
        this.timeout = timeout;
        this.proxies.forEach((server, proxy) -> proxy.observe(exchange -> {
            if (exchange.status() >= 200 && exchange.status() < 300) {
                lastSuccess.put(server, Instant.now());
            }
        }));
    }

    /** Injects the fault, waits for the recovery and says what happened; a fault that did not recover says why. */
    FaultRecord inject(FaultKind kind, Instant loadStart) {
        Instant at = Instant.now();
        String target;
        try {
            target = targetOf(kind);
        } catch (RuntimeException e) {
            return new FaultRecord(kind, "?", at, Duration.between(loadStart, at), Optional.empty(), "no target: " + e.getMessage());
        }
        Optional<Duration> failover = Optional.empty();
        try {
            switch (kind) {
                case CONNECT_KILL, RELAY_KILL, INVENTORY_KILL, PAYMENT_KILL, MONOLITH_KILL, NOTIFICATION_KILL, ANALYTICS_KILL -> {
                    crash(target);
                    awaitFlowEndToEnd();
                }
                case KAFKA_RESTART, POSTGRES_RESTART -> {
                    restart(target);
                    awaitFlowEndToEnd();
                }
                case ES_THROTTLE -> refuse("elasticsearch", Fault.answer(429, "application/json",
                        "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"injected by relaybox verify\"},\"status\":429}"));
                case ES_UNAVAILABLE -> refuse("elasticsearch", Fault.answer(503, "application/json",
                        "{\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"injected by relaybox verify\"},\"status\":503}"));
                case S3_UNAVAILABLE -> refuse("s3", Fault.answer(503, "application/xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ServiceUnavailable</Code>"
                                + "<Message>injected by relaybox verify</Message></Error>"));
                case GROUP_REWIND -> rewind();
                case BROKER_KILL, CONTROLLER_KILL -> {
                    int node = ClusterShape.brokerNode(target);
                    control.killAndHold(target);
                    failover = Optional.of(cluster().awaitFailoverFromBroker(node, kind == FaultKind.CONTROLLER_KILL, at, timeout));
                    control.start(target);
                    control.awaitRunning(target, timeout);
                    cluster().awaitReplicasInSync(timeout);
                    awaitConnectorsRunning();
                    awaitFlowEndToEnd();
                }
                case WORKER_KILL -> {
                    control.killAndHold(target);
                    failover = Optional.of(cluster().awaitFailoverFromWorker(target, connectors, at, timeout));
                    control.start(target);
                    control.awaitRunning(target, timeout);
                    awaitConnectorsRunning();
                    awaitFlowEndToEnd();
                }
            }
            return new FaultRecord(kind, target, at, Duration.between(loadStart, at), Optional.of(Duration.between(at, Instant.now())), "",
                    failover);
        } catch (RuntimeException e) {
            return new FaultRecord(kind, target, at, Duration.between(loadStart, at), Optional.empty(), String.valueOf(e.getMessage()),
                    failover);
        }
    }

    private String targetOf(FaultKind kind) {
        return switch (kind) {
            case CONNECT_KILL -> "connect";
            case RELAY_KILL -> "relay";
            case KAFKA_RESTART -> "kafka";
            case POSTGRES_RESTART -> "postgres";
            case INVENTORY_KILL, PAYMENT_KILL, MONOLITH_KILL, NOTIFICATION_KILL, ANALYTICS_KILL -> {
                List<String> names = instances.get(kind);
                yield names.get(random.nextInt(names.size()));
            }
            case ES_THROTTLE, ES_UNAVAILABLE -> "elasticsearch";
            case S3_UNAVAILABLE -> "s3";
            case GROUP_REWIND -> String.join("+", rewoundConnectors);
            case BROKER_KILL -> ClusterShape.brokerName(cluster().brokerOtherThanController(random));
            case CONTROLLER_KILL -> ClusterShape.brokerName(cluster().activeController());
            // the worker of the first outbox source Connect runs (with the embedded relay: of the first sink)
            case WORKER_KILL -> cluster().workerRunning(sources.stream().filter(connectors::contains).findFirst().orElse(connectors.get(0)));
        };
    }

    private ClusterFaults cluster() {
        return cluster.orElseThrow(() -> new IllegalStateException("the platform is no cluster: no broker or worker to fail over to"));
    }


    private void crash(String process) {
        control.kill(process);
        control.awaitRunning(process, timeout);
        awaitConnectorsRunning();
    }

    private void restart(String process) {
        control.stop(process);
        control.start(process);
        control.awaitRunning(process, timeout);
        awaitConnectorsRunning();
    }

    private void refuse(String server, Fault fault) {
        FaultProxy proxy = proxies.get(server);
        if (proxy == null) {
            throw new IllegalStateException("the platform runs no fault proxy in front of " + server);
        }
        proxy.plan(request -> fault);
        Polling.sleepUntil(Instant.now().plus(PROXY_FAULT));
        Instant lifted = Instant.now();
        proxy.plan(FaultPlan.NONE);
        Polling.await(server + " answering the sink with 2xx again", timeout,
                () -> lastSuccess.getOrDefault(server, Instant.MIN).isAfter(lifted));
        awaitConnectorsRunning();
    }

    private void rewind() {
        for (String connector : rewoundConnectors) {
            connect.stop(connector);
            connect.awaitState(connector, TargetState.STOPPED, timeout);
            ConnectorOffsets committed = connect.offsets(connector);
            List<ConnectorOffsets.Entry> rewound = committed.offsets().stream()
                    .map(entry -> new ConnectorOffsets.Entry(entry.partition(), Map.of("kafka_offset", rewoundOffset(offsetOf(entry)))))
                    .toList();
            // a sink that committed nothing yet (the archive commits an object's offsets once it is finished) re-reads
            // everything anyway when it resumes
            if (!rewound.isEmpty()) {
                connect.alterOffsets(connector, new ConnectorOffsets(rewound));
            }
            connect.resume(connector);
            connect.awaitRunning(connector, timeout);
            Polling.await(connector + " committing again what it had committed before the rewind", timeout,
                    () -> caughtUp(committed, connect.offsets(connector)));
        }
    }

    /** Half way back, so that the sink starts in the middle of what it wrote, at most {@link #MAX_REWIND} back. */
    static long rewoundOffset(long committed) {
        return committed - Math.min(committed / 2, MAX_REWIND);
    }

    static boolean caughtUp(ConnectorOffsets before, ConnectorOffsets now) {
        return before.offsets().stream().allMatch(was -> now.offsets().stream()
                .anyMatch(is -> is.partition().equals(was.partition()) && offsetOf(is) >= offsetOf(was)));
    }

    private static long offsetOf(ConnectorOffsets.Entry entry) {
        return ((Number) entry.offset().get("kafka_offset")).longValue();
    }

    /** The offsets the first rewound sink committed, summed over its partitions; -1 when Connect does not answer. */
    private long committedTotal() {
        try {
            return connect.offsets(rewoundConnectors.get(0)).offsets().stream().mapToLong(FaultInjector::offsetOf).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Every source streams again (its committed WAL position moves), and then the first sink commits further. */
    private void awaitFlowEndToEnd() {
        for (String source : sources) {
            long back = sourcePosition(source);
            Polling.await(source + " committing a WAL position past " + back + " (streaming again)", timeout,
                    () -> sourcePosition(source) > back);
        }
        long committed = committedTotal();
        Polling.await(rewoundConnectors.get(0) + " committing offsets past " + committed + " after the sources streamed again", timeout,
                () -> committedTotal() > committed);
    }

    /** How far the source has come ({@link SourcePositions}); -1 when it cannot tell. */
    private long sourcePosition(String source) {
        return positions.of(source);
    }

    /** The highest {@code lsn} of Debezium's PostgreSQL offsets; -1 when none has one. */
    static long walPosition(ConnectorOffsets offsets) {
        return offsets.offsets().stream().map(entry -> entry.offset().get("lsn")).filter(Number.class::isInstance)
                .mapToLong(lsn -> ((Number) lsn).longValue()).max().orElse(-1);
    }

    private void awaitConnectorsRunning() {
        for (String connector : connectors) {
            connect.awaitRunning(connector, timeout);
        }
    }
}
