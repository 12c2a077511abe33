package io.relaybox.verification.audit;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

import io.relaybox.contracts.EventType;

/**
 * Places orders over HTTP with a progress bar, waits until every {@code OrderPlaced} arrived in {@code orders.events}
 * (counting what was lost and what came twice), then until the saga settled every order, and checks the invariants;
 * with the sinks, then waits until Elasticsearch and the archive hold every event the services published about the
 * orders; with a mail server, until it holds the customer's e-mail about every order that ended; with the analytics
 * application, until what it counted since the demo began equals what the databases hold of the demo's orders.
 */
public final class OrderDemo {

    public static final String TOPIC = EventType.Aggregate.ORDERS.topic();

    private static final Duration POLL = Duration.ofMillis(500);

    private final OrdersApi api;
    private final String bootstrapServers;
    private final PlatformDatabases databases;
    private final List<String> consumerUrls;
    private final Optional<SinkEndpoints> sinks;
    private final Optional<String> mailApiUrl;
    private final Optional<String> analyticsUrl;
    private final PrintStream out;

    /**
     * @param consumerUrls base URLs of every consuming service instance (their {@code /inbox/stats} are summed)
     * @param sinks where the sink connectors write, when the platform runs them
     * @param mailApiUrl the API of the SMTP server the notification service sends to, when the platform runs one
     * @param analyticsUrl the analytics application, when the platform runs it
     */
    public OrderDemo(OrdersApi api, String bootstrapServers, PlatformDatabases databases, List<String> consumerUrls,
            Optional<SinkEndpoints> sinks, Optional<String> mailApiUrl, Optional<String> analyticsUrl, PrintStream out) {
        this.api = api;
        this.bootstrapServers = bootstrapServers;
        this.databases = databases;
        this.consumerUrls = List.copyOf(consumerUrls);
        this.sinks = sinks;
        this.mailApiUrl = mailApiUrl;
        this.analyticsUrl = analyticsUrl;
        this.out = out;
    }

    /**
     * Places the orders, waits for their {@code OrderPlaced} events in Kafka, then for every order to end CONFIRMED or
     * CANCELLED and the invariants to hold (compensations may still be under way when the last order ends).
     *
     * @param timeout how long each wait may take
     */
    public DemoResult run(int orders, int concurrency, Duration timeout) throws SQLException, InterruptedException {
        return run(orders, concurrency, timeout, Optional.empty());
    }

    /**
     * {@link #run(int, int, Duration)} with both capabilities in a migration mode: the invariants then read the ledger
     * that decided (the legacy module's in monolith and shadow mode), and in shadow mode the result counts the parallel
     * run's mismatches.
     */
    public DemoResult run(int orders, int concurrency, Duration timeout, Optional<DemoMode> mode) throws SQLException, InterruptedException {
        try (OrderEventsReader reader = new OrderEventsReader(bootstrapServers, TOPIC);
                PublishedEvents published = sinks.isPresent() ? new PublishedEvents(databases, bootstrapServers) : null) {
            DemoSeed seed = DemoSeed.forOrders(orders);
            if (mode.isPresent()) {
                mode.get().prepare(() -> {
                    try {
                        seed.applyTo(databases);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot seed the demo's stock and accounts: " + e.getMessage(), e);
                    }
                }, out);
            } else {
                seed.applyTo(databases);
            }
            out.println(seed.describe(orders));
            Optional<AnalyticsStats> analytics = analyticsUrl.map(AnalyticsStats::new);
            Optional<AnalyticsTotals> analyticsBefore = analytics.isPresent()
                    ? Optional.of(analytics.get().totalsOnceAnswering(timeout))
                    : Optional.empty();
            java.time.Instant demoStart = java.time.Instant.now();
            long begin = System.nanoTime();
            Set<String> placed = ConcurrentHashMap.newKeySet();
            AtomicLong failed = new AtomicLong();
            placeOrders(orders, concurrency, placed, failed, begin);

            EventTally tally = new EventTally(EventType.ORDER_PLACED.typeName(), placed);
            out.printf("waiting for %d OrderPlaced events in %s ...%n", placed.size(), TOPIC);
            reader.readUntil(record -> tally.add(record.key(), OrderEventsReader.header(record, "type"),
                    OrderEventsReader.header(record, "id")), tally::isComplete, timeout);

            Ledger ledger = mode.map(DemoMode::ledger).orElse(Ledger.SERVICE);
            SagaInvariants invariants = new SagaInvariants(databases, ledger, ledger);
            out.printf("waiting for the saga to settle %d orders (CONFIRMED or CANCELLED) ...%n", placed.size());
            Map<String, Long> statuses = awaitTerminal(invariants, placed, timeout);
            out.println(OrderMix.of(databases, placed).line());
            List<String> violations = awaitInvariants(invariants, timeout);
            Optional<SinkCounts> sinkCounts = sinks.isPresent()
                    ? Optional.of(awaitSinks(sinks.get(), published.ofOrders(placed, timeout), timeout))
                    : Optional.empty();
            Optional<EmailCounts> emails = mailApiUrl.isPresent()
                    ? Optional.of(awaitEmails(new MailedEmails(mailApiUrl.get()), invariants.terminalOrders(placed), timeout))
                    : Optional.empty();
            Optional<AnalyticsCheck> analyticsCheck = analytics.isPresent()
                    ? Optional.of(awaitAnalytics(analytics.get(), analyticsBefore.orElseThrow(), demoStart, timeout))
                    : Optional.empty();
            long diffs = mode.isPresent() ? mode.get().diffs(timeout, out) : 0;
            double seconds = (System.nanoTime() - begin) / 1e9;
            InboxStats stats = InboxStats.sum(consumerUrls);
            violations.forEach(v -> out.println("INVARIANT BROKEN: " + v));
            return new DemoResult(placed.size(), tally.events(), tally.missing(), tally.duplicates(), failed.get(),
                    statuses.get("CONFIRMED"), statuses.get("CANCELLED"), stats.duplicatesSkipped(), stats.deadLettered(),
                    sinkCounts, emails, analyticsCheck, violations, mode.map(DemoMode::mode).orElse("events"), diffs, seconds);
        }
    }

    private Map<String, Long> awaitTerminal(SagaInvariants invariants, Set<String> placed, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> statuses = invariants.statusCounts(placed);
        while (statuses.get("PENDING") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            statuses = invariants.statusCounts(placed);
        }
        out.printf("confirmed %d, cancelled %d, still pending %d%n", statuses.get("CONFIRMED"), statuses.get("CANCELLED"),
                statuses.get("PENDING"));
        return statuses;
    }

    /**
     * Waits until Elasticsearch and the archive each hold every event the services published about the orders (or the
     * timeout passes), once the saga settled: by then no more events about them are coming.
     */
    private SinkCounts awaitSinks(SinkEndpoints endpoints, Set<String> published, Duration timeout) throws InterruptedException {
        out.printf("waiting for the %d events published about them in Elasticsearch and in the archive ...%n", published.size());
        SearchedEvents search = new SearchedEvents(endpoints);
        try (ArchivedEvents archive = new ArchivedEvents(endpoints)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            SinkCounts counts = SinkCounts.of(published.size(), search, archive, published);
            while (!counts.complete() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis() * 2);
                counts = SinkCounts.of(published.size(), search, archive, published);
            }
            return counts;
        }
    }

    /** Waits until the SMTP server holds an e-mail about every order that ended (or the timeout passes). */
    private EmailCounts awaitEmails(MailedEmails mailed, Set<String> terminalOrders, Duration timeout) throws InterruptedException {
        out.printf("waiting for the customers' e-mails about the %d orders that ended ...%n", terminalOrders.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        EmailCounts counts = EmailCounts.of(terminalOrders, mailed.all());
        while (!counts.missing().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis() * 2);
            counts = EmailCounts.of(terminalOrders, mailed.all());
        }
        return counts;
    }

    /**
     * Waits until what the analytics application counted since the demo began equals what the databases hold of the
     * orders placed since (or the timeout passes), and says where it differs.
     */
    private AnalyticsCheck awaitAnalytics(AnalyticsStats analytics, AnalyticsTotals before, java.time.Instant demoStart, Duration timeout)
            throws InterruptedException, SQLException {
        out.println("waiting for the analytics application's figures to equal the databases' ...");
        AnalyticsTotals expected = new DatabaseTotals(databases).ofOrdersPlacedSince(demoStart);
        long deadline = System.nanoTime() + timeout.toNanos();
        AnalyticsTotals counted = analytics.totalsOnceAnswering(timeout).minus(before);
        while (!counted.differencesFrom(expected).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis() * 2);
            counted = analytics.totalsOnceAnswering(timeout).minus(before);
        }
        return new AnalyticsCheck(counted.placed(), counted.differencesFrom(expected));
    }

    private static List<String> awaitInvariants(SagaInvariants invariants, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> violations = invariants.violations();
        while (!violations.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            violations = invariants.violations();
        }
        return violations;
    }

    private void placeOrders(int orders, int concurrency, Set<String> placed, AtomicLong failed, long begin) {
        OrderGenerator generator = new OrderGenerator(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong done = new AtomicLong();
        for (int i = 0; i < orders; i++) {
            pool.execute(() -> {
                try {
                    JsonNode order = api.place(generator.nextOrderJson());
                    placed.add(order.path("orderId").asString());
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() <= 3) {
                        out.println("\n" + e.getMessage());
                    }
                }
                progress(done.incrementAndGet(), orders, begin);
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("placing orders did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted", e);
        }
        out.println();
    }

    private long shown;

    private synchronized void progress(long done, int total, long begin) {
        if (done <= shown || (done != total && done % Math.max(1, total / 100) != 0)) {
            return;
        }
        shown = done;
        int width = 40;
        int filled = (int) (width * done / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - begin) / 1e9);
        out.printf("\rplacing orders [%s%s] %d/%d  %.0f/s", "#".repeat(filled), ".".repeat(width - filled), done, total, done / seconds);
        out.flush();
    }
}
