package io.relaybox.verification.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.PlatformDatabases;

/**
 * The REST-coupled monolith against the event-driven one, on this platform: the order API in migration mode
 * {@code sync} (the monolith calls inventory and payment over HTTP inside {@code POST /orders}) and in mode
 * {@code events} (it answers once the order and its event are committed; the services decide from the event), under
 * the load shape of Rahmatulloh et al. (ICADEIS 2022): levels of 100 to 500 requests, each started evenly over a
 * ramp-up period, then a steady rate; several runs per level; first with healthy services, then with payment-service
 * slow (added latency) and flaky (a share of failures and a short outage), injected by its fault setting
 * ({@code relaybox.faults.enabled}, {@code PUT /faults}) on both of its paths, HTTP and events. Prints one table per
 * condition and the events-vs-sync differences computed both ways, next to the study's; asserts nothing.
 */
final class ModeComparison implements AutoCloseable {

    /** The study's figures: EDA faster, fewer errors, more CPU; divided by the EDA value and by the REST value. */
    static final String STUDY = "study (Node.js + NATS, 2 cores, one run per level): events 19.18 % faster, 34.40 % fewer errors, 8.52 % more CPU"
            + " (of the event-driven value; of the REST value: 16.1 %, 25.6 %, 9.3 %)";

    /**
     * How payment-service misbehaves during a condition.
     *
     * @param name what the table calls it
     * @param latencyMillis added before each capture decision
     * @param errorShare the share of captures that fail (HTTP 503; a retried event)
     * @param outage how long both instances are stopped, a third into each level's ramp-up; zero for none
     */
    record Condition(String name, int latencyMillis, double errorShare, Duration outage) {
    }

    /** One level run in one mode, as measured. */
    record LevelRun(String mode, String level, int requests, List<Long> millis, long errors, long undecided, double cpuSeconds,
            long orders) {
    }

    private static final List<String> MODES = List.of("sync", "events");
    private static final int WARM_UP_ORDERS = 150;
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final int HEALTHY_ANSWERS = 3;

    private final LocalPlatform platform;
    private final MigrationApi migration;
    private final PlatformDatabases databases;
    private final OrderGenerator generator = new OrderGenerator(2022);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final GroupLag lag;
    private final long budgetMillis;
    private final Duration settle;

    ModeComparison(LocalPlatform platform, long budgetMillis, Duration settle) {
        this.platform = platform;
        this.migration = new MigrationApi(URI.create(platform.endpoints().get("orders-api")));
        this.databases = new PlatformDatabases(platform.postgres().jdbcUrl("orders"), platform.secrets().password("postgres"));
        this.lag = new GroupLag(platform.kafka().bootstrapServers());
        this.budgetMillis = budgetMillis;
        this.settle = settle;
    }

    @Override
    public void close() {
        lag.close();
    }

    /** Runs every level (and the steady rate) in both modes under the condition, and prints its table. */
    void run(Condition condition, int[] levels, Duration rampUp, int runs, int steadyRate, Duration steadyFor) throws Exception {
        topUp();
        List<LevelRun> results = new ArrayList<>();
        for (String mode : MODES) {
            for (String capability : List.of("inventory", "payment")) {
                migration.switchMode(capability, mode, "bench", "REST vs events comparison", null, false);
            }
            // 150 orders in the mode first, not counted, at 5/s (under what either mode serves, so that no call times out
            // and the circuit breakers stay closed): the JVMs compile the mode's paths
            new RampedRequests(platform.endpoints().get("orders-api"), generator).send(WARM_UP_ORDERS, WARM_UP);
            injectFaults(condition.latencyMillis(), condition.errorShare());
            try {
                awaitQuiet();
                for (int level : levels) {
                    for (int run = 1; run <= runs; run++) {
                        results.add(level(mode, Integer.toString(level), level, rampUp, condition));
                    }
                }
                int steady = (int) (steadyRate * steadyFor.toSeconds());
                for (int run = 1; run <= runs; run++) {
                    results.add(level(mode, "steady " + steadyRate + "/s", steady, steadyFor, condition));
                }
            } finally {
                injectFaults(0, 0);
            }
        }
        System.out.println(ModeComparisonTable.render(condition, budgetMillis, results));
    }

    private LevelRun level(String mode, String level, int requests, Duration rampUp, Condition condition) throws Exception {
        Duration outage = condition.outage();
        Map<Long, ProcessUsage> before = usage();
        ScheduledExecutorService outages = Executors.newSingleThreadScheduledExecutor();
        if (!outage.isZero()) {
            outages.schedule(() -> stopPaymentFor(outage, condition), rampUp.toMillis() / 3, TimeUnit.MILLISECONDS);
        }
        List<RampedRequests.Answer> answers;
        try {
            answers = new RampedRequests(platform.endpoints().get("orders-api"), generator).send(requests, rampUp);
        } finally {
            outages.shutdown();
            outages.awaitTermination(5, TimeUnit.MINUTES);
        }
        List<String> orders = answers.stream().map(RampedRequests.Answer::orderId).filter(Objects::nonNull).toList();
        long undecided = awaitDecided(orders) + answers.stream().filter(a -> a.orderId() == null).count();
        // the work the level caused after its answers (the event path's, in both modes) counts to its CPU
        awaitDrained();
        double cpu = cpuSince(before);
        // each level starts on a platform that recovered from the one before (an open circuit breaker closed again)
        awaitHealthy();
        long errors = answers.stream().filter(a -> a.status() != 201 || a.millis() > budgetMillis).count();
        System.out.printf(Locale.ROOT, "modes: %s %s: %d requests, %d errors, %d without a decision, %.1f CPU s%n", mode, level, requests,
                errors, undecided, cpu);
        return new LevelRun(mode, level, requests, answers.stream().map(RampedRequests.Answer::millis).toList(), errors, undecided, cpu,
                orders.size());
    }

    /** Waits until every consumer group caught up and the order API answers in time again; both at most the settle time. */
    private void awaitQuiet() throws Exception {
        awaitDrained();
        awaitHealthy();
    }

    /** Waits (up to the settle time) until every consumer group (the services' inboxes; the sinks do not run) caught up. */
    private void awaitDrained() throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        long behind = lag.beyondCommitMarkers();
        while (behind > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            behind = lag.beyondCommitMarkers();
        }
        if (behind > 0) {
            System.out.println("modes: the consumers are still " + behind + " records behind after " + settle.toSeconds() + " s");
        }
    }

    /**
     * Places orders one at a time (not counted) until {@value #HEALTHY_ANSWERS} in a row were placed within the time
     * budget, or the settle time passed: after a level that opened sync mode's circuit breaker, it closes again before
     * the next level starts, as between two JMeter runs.
     */
    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        RampedRequests probe = new RampedRequests(platform.endpoints().get("orders-api"), generator);
        int inARow = 0;
        while (inARow < HEALTHY_ANSWERS && System.nanoTime() < deadline) {
            RampedRequests.Answer answer = probe.send(1, Duration.ZERO).get(0);
            if (answer.status() == 201 && answer.millis() <= budgetMillis) {
                inARow++;
            } else {
                inARow = 0;
                Thread.sleep(500);
            }
        }
        if (inARow < HEALTHY_ANSWERS) {
            System.out.println("modes: the order API did not answer " + HEALTHY_ANSWERS + " orders in a row in time within "
                    + settle.toSeconds() + " s; the next level starts anyway");
        }
    }

    /**
     * Waits (up to the settle time) until no order is PENDING; then counts those that ended without a decision:
     * still PENDING, or cancelled because a service could not be called (sync mode's 503).
     */
    private long awaitDecided(List<String> orderIds) throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        long pending = count(orderIds, "status = 'PENDING'");
        while (pending > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            pending = count(orderIds, "status = 'PENDING'");
        }
        return pending + count(orderIds, "status = 'CANCELLED' AND (cancellation_reason LIKE '%-service did not decide%'"
                + " OR cancellation_reason LIKE '%-service is unavailable%')");
    }

    private long count(List<String> orderIds, String condition) throws SQLException {
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement("SELECT count(*) FROM orders WHERE id = ANY (?) AND " + condition)) {
            query.setArray(1, orders.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Stock and money enough for every order of the condition (as a delivery and a deposit would: {@code initial} moves
     * along), so that both modes decide the same kind of orders, not ever more rejections as the seed runs out.
     */
    private void topUp() throws SQLException {
        try (Connection inventory = databases.connect("inventory"); Connection payment = databases.connect("payment");
                PreparedStatement stock = inventory.prepareStatement("UPDATE stock SET on_hand = on_hand + 1000000, initial = initial + 1000000");
                PreparedStatement money = payment.prepareStatement("UPDATE account SET balance = balance + 100000000, initial = initial + 100000000")) {
            stock.executeUpdate();
            money.executeUpdate();
        }
    }

    private void injectFaults(int latencyMillis, double errorShare) throws Exception {
        for (String instance : paymentInstances()) {
            String url = platform.service(instance).baseUrl() + "/faults";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT, "{\"latencyMillis\":%d,\"errorShare\":%s}",
                            latencyMillis, errorShare))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("PUT " + url + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }

    /** Both payment-service instances down for a while, then started again (their faults set again once ready). */
    private void stopPaymentFor(Duration outage, Condition condition) {
        try {
            List<ManagedProcess> stopped = new ArrayList<>();
            for (String instance : paymentInstances()) {
                ManagedProcess process = platform.service(instance).process();
                process.stop();
                stopped.add(process);
            }
            Thread.sleep(outage.toMillis());
            for (ManagedProcess process : stopped) {
                process.start();
            }
            for (ManagedProcess process : stopped) {
                process.awaitReady(Duration.ofMinutes(3));
            }
            injectFaults(condition.latencyMillis(), condition.errorShare());
        } catch (Exception e) {
            throw new IllegalStateException("the payment-service outage: " + e.getMessage(), e);
        }
    }

    private static List<String> paymentInstances() {
        ServiceKind payment = ServiceKind.all().stream().filter(kind -> kind.name().equals("payment-service")).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        for (int instance = 1; instance <= payment.instances(); instance++) {
            names.add(payment.instanceName(instance));
        }
        return names;
    }

    /** Every platform process's CPU now, by PID (a restarted process is a new PID: its whole CPU counts). */
    private Map<Long, ProcessUsage> usage() {
        Map<Long, ProcessUsage> usage = new HashMap<>();
        for (ManagedProcess process : platform.processes().values()) {
            if (process.isAlive()) {
                usage.put(process.pid(), ProcessUsage.of(process.pid()));
            }
        }
        return usage;
    }

    private double cpuSince(Map<Long, ProcessUsage> before) {
        double seconds = 0;
        for (Map.Entry<Long, ProcessUsage> now : usage().entrySet()) {
            seconds += now.getValue().since(before.getOrDefault(now.getKey(), ProcessUsage.NONE)).cpuSeconds();
        }
        return seconds;
    }
}
