package io.relaybox.peers.driver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.relaybox.peers.driver.PeerTable.Clean;
import io.relaybox.peers.driver.PeerTable.Kill;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.RunFolder;
import io.relaybox.platform.ServiceDatabase;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.bench.Percentiles;
import io.relaybox.verification.bench.PlatformVersions;
import io.relaybox.verification.bench.ProcessUsage;

/**
 * The peers side by side on one local platform (one PostgreSQL, one Kafka): for each, a clean run (events/s,
 * commit-to-Kafka latency, CPU per 1,000 events over every process involved, the outbox tables' load) and a run in
 * which the relaying process is killed (-9) mid-run (half the events committed, a
 * quarter relayed), then started again (duplicates, lost
 * events). Each peer has a database and topics of its own; this platform's CDC path writes into the orders database,
 * whose outbox the platform's connector reads. Prints figures, asserts nothing.
 *
 * <p>{@code mvn -Ppeer-bench -DskipTests verify -pl peer-benchmark/peer-driver -am} (its own profile: {@code -Pbench} would also run
 * the other modules' benchmarks) (see README).
 */
public final class PeerBenchmark {

    private static final String ROLE = "peer_bench";
    private static final String CLEAN = "clean";
    private static final String KILL = "kill";

    private final LocalPlatform platform;
    private final Path home;
    private final int events;
    private final int writers;
    private final Duration timeout;
    private final Duration settle;

    private PeerBenchmark(LocalPlatform platform, Path home, int events, int writers, Duration timeout, Duration settle) {
        this.platform = platform;
        this.home = home;
        this.events = events;
        this.writers = writers;
        this.timeout = timeout;
        this.settle = settle;
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.peers.events", 50_000);
        int writers = Integer.getInteger("bench.peers.writers", 8);
        List<Peer> peers = new ArrayList<>();
        for (String name : System.getProperty("bench.peers.list", "relaybox,gruelbox,namastack,modulith").split(",")) {
            peers.add(Peer.named(name.trim()));
        }
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.peers.timeout-seconds", 900));
        Duration settle = Duration.ofSeconds(Integer.getInteger("bench.peers.settle-seconds", 15));
        Path home = Path.of(System.getProperty("relaybox.home", ".")).toAbsolutePath().normalize();
        Path runFolder = Path.of(System.getProperty("bench.run-folder", "target/bench-peers"));
        Runtime.getRuntime().addShutdownHook(new Thread(PeerProcess::killAll, "peer-bench-stop"));

        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("peers: %,d events (OrderPlaced) by %d writers, one order and its event per transaction%n", events, writers);
        List<PeerTable.Row> rows = new ArrayList<>();
        RunFolder.purge(runFolder, Optional.empty());
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withServices(List.of(ServiceKind.named("order-monolith")))
                .withSinks(false).withExactlyOnceSource(true);
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            System.out.println("platform: " + PlatformVersions.of(platform) + ", PostgreSQL " + serverVersion(platform));
            System.out.println("peers: " + System.getProperty("bench.peers.versions", "(versions: see the root pom)"));
            platform.postgres().ensureRole(ROLE, platform.secrets().password(ROLE), false);
            PeerBenchmark benchmark = new PeerBenchmark(platform, home, events, writers, timeout, settle);
            for (Peer peer : peers) {
                rows.add(benchmark.measure(peer, runFolder));
            }
        } finally {
            PeerProcess.killAll();
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
        System.out.println();
        System.out.print(PeerTable.markdown(rows));
        System.exit(0);
    }

    private PeerTable.Row measure(Peer peer, Path runFolder) {
        Clean clean = null;
        String cleanFailure = null;
        Kill kill = null;
        String killFailure = null;
        try {
            clean = clean(peer, runFolder);
        } catch (Exception e) {
            cleanFailure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.println(peer.name() + " clean run failed: " + e);
        }
        try {
            kill = kill(peer, runFolder);
        } catch (Exception e) {
            killFailure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.println(peer.name() + " kill run failed: " + e);
        }
        return new PeerTable.Row(peer.title(), clean, cleanFailure, kill, killFailure);
    }

    /** Where a run writes: the peer's own database, or, for the CDC path, the orders database as the monolith's role. */
    private record Target(String database, String user, String password, String onlyTable) {

        String jdbcUrl(LocalPlatform platform) {
            return platform.postgres().jdbcUrl(database);
        }
    }

    private Target target(Peer peer, String run) {
        if (peer.cdc()) {
            ServiceDatabase orders = ServiceKind.named("order-monolith").database();
            return new Target(orders.database(), orders.ownerRole(), platform.secrets().password(orders.ownerRole()), "outbox_event");
        }
        String database = "peer_" + peer.name() + "_" + run;
        platform.postgres().ensureDatabase(database, ROLE);
        return new Target(database, ROLE, platform.secrets().password(ROLE), null);
    }

    private PeerProcess start(Peer peer, String run, Target target, Path runFolder) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("peer.run", run);
        properties.put("peer.events", Integer.toString(events));
        properties.put("peer.writers", Integer.toString(writers));
        properties.put("peer.topic", peer.topic(run));
        properties.put("peer.jdbc-url", target.jdbcUrl(platform));
        properties.put("peer.user", target.user());
        properties.put("peer.kafka", platform.kafka().bootstrapServers());
        PeerProcess process = PeerProcess.start(peer.jar(home), properties, target.password(),
                runFolder.resolve("logs").resolve("peer-" + peer.name() + "-" + run + ".log"));
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    private Clean clean(Peer peer, Path runFolder) throws Exception {
        Target target = target(peer, CLEAN);
        try (KafkaDeliveries kafka = KafkaDeliveries.create(platform.kafka().bootstrapServers(), peer.topic(CLEAN))) {
            PeerProcess app = start(peer, CLEAN, target, runFolder);
            try {
                Map<String, Long> pids = pids(peer, app);
                Map<String, ProcessUsage> cpuBefore = usage(pids);
                DatabaseLoad loadBefore = DatabaseLoad.read(platform.postgres(), target.database(), target.onlyTable());
                app.go();
                awaitDelivered(kafka.deliveries());
                double cpu = cpuSince(pids, cpuBefore);
                app.close();
                DatabaseLoad load = DatabaseLoad.read(platform.postgres(), target.database(), target.onlyTable()).since(loadBefore);
                Deliveries deliveries = kafka.deliveries();
                Percentiles latency = deliveries.commitToKafkaMillis();
                System.out.printf("%s clean: %,d of %,d events (%,d records) at %,.0f events/s; commit-to-Kafka ms %s; %.1f CPU s; %s%n",
                        peer.name(), deliveries.distinct(), events, deliveries.records(), deliveries.eventsPerSecond(), latency, cpu, load);
                return new Clean(deliveries.eventsPerSecond(), latency.at(50), latency.at(99), cpu * 1000 / events, load);
            } finally {
                app.close();
            }
        }
    }

    private Kill kill(Peer peer, Path runFolder) throws Exception {
        Target target = target(peer, KILL);
        try (KafkaDeliveries kafka = KafkaDeliveries.create(platform.kafka().bootstrapServers(), peer.topic(KILL))) {
            PeerProcess app = start(peer, KILL, target, runFolder);
            try {
                app.go();
                // mid-run for the writers and for the relay: half the orders committed and a quarter of the events relayed
                int committed = awaitCommitted(target, events / 2);
                awaitArrived(kafka.deliveries(), events / 4);
                committed = committedCount(target);
                System.out.printf("%s kill: kill -9 of %s with %,d of %,d orders committed, %,d events in Kafka%n", peer.name(),
                        peer.cdc() ? "the Connect worker" : "the application", committed, events, kafka.deliveries().distinct());
                if (peer.cdc()) {
                    ManagedProcess connect = platform.connect().process();
                    connect.kill();
                    connect.startAndAwaitReady(Duration.ofMinutes(3));
                    platform.connectClient().awaitRunning(LocalPlatform.ORDERS_CONNECTOR, Duration.ofMinutes(3));
                } else {
                    app.kill();
                    app = start(peer, KILL, target, runFolder);
                    app.go();
                }
                awaitDelivered(kafka.deliveries());
                // what a restarted relay sends again may come after the last missing event: wait for it
                Thread.sleep(settle.toMillis());
                Deliveries deliveries = kafka.deliveries();
                int lost = deliveries.missing(KILL, events);
                System.out.printf("%s kill: %,d of %,d events, %,d records: %,d duplicates, %,d lost%n", peer.name(), deliveries.distinct(),
                        events, deliveries.records(), deliveries.duplicates(), lost);
                return new Kill(deliveries.duplicates(), lost);
            } finally {
                app.close();
            }
        }
    }

    /** The processes a peer's events pass through: its application, PostgreSQL, Kafka and, for the CDC path, Connect. */
    private Map<String, Long> pids(Peer peer, PeerProcess app) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("peer", app.pid());
        pids.put("postgres", platform.postgres().process().pid());
        pids.put("kafka", platform.kafka().process().pid());
        if (peer.cdc()) {
            pids.put("connect", platform.connect().process().pid());
        }
        return pids;
    }

    private static Map<String, ProcessUsage> usage(Map<String, Long> pids) {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid)));
        return usage;
    }

    private static double cpuSince(Map<String, Long> pids, Map<String, ProcessUsage> before) {
        Map<String, ProcessUsage> now = usage(pids);
        StringBuilder each = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, ProcessUsage> process : now.entrySet()) {
            double seconds = process.getValue().since(before.get(process.getKey())).cpuSeconds();
            each.append(String.format(" %s %.1f", process.getKey(), seconds));
            total += seconds;
        }
        System.out.println("  CPU seconds:" + each);
        return total;
    }

    /** Waits until every event of the run arrived; fails after the timeout saying how many did. */
    private void awaitDelivered(Deliveries deliveries) throws InterruptedException {
        awaitArrived(deliveries, events);
    }

    /** Waits until the writers committed at least this many orders; returns how many they had. */
    private int awaitCommitted(Target target, int atLeast) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(platform), target.user(), target.password())) {
            while (System.nanoTime() < deadline) {
                int committed = committed(connection);
                if (committed >= atLeast) {
                    return committed;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the writers did not commit " + atLeast + " orders within " + timeout);
    }

    private int committedCount(Target target) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(platform), target.user(), target.password())) {
            return committed(connection);
        }
    }

    private static int committed(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM bench_order WHERE run = ?")) {
            count.setString(1, KILL);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Waits until at least this many of the run's events arrived. */
    private void awaitArrived(Deliveries deliveries, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.distinct() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + deliveries.distinct() + " of " + atLeast + " events arrived within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static String serverVersion(LocalPlatform platform) throws SQLException {
        try (Connection connection = platform.postgres().connectAsSuperuser("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1);
        }
    }
}
