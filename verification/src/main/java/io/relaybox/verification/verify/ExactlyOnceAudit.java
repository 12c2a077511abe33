package io.relaybox.verification.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;
import io.relaybox.verification.audit.AnalyticsStats;
import io.relaybox.verification.audit.AnalyticsTotals;
import io.relaybox.verification.audit.ArchivedEvents;
import io.relaybox.verification.audit.DatabaseTotals;
import io.relaybox.verification.audit.InboxStats;
import io.relaybox.verification.audit.MailedEmails;
import io.relaybox.verification.audit.OutboxSlots;
import io.relaybox.verification.audit.PlatformDatabases;
import io.relaybox.verification.audit.SagaInvariants;
import io.relaybox.verification.audit.SearchedEvents;
import io.relaybox.verification.audit.SinkEndpoints;

/**
 * Checks, once a verification run's load and faults are over, that every event the services' databases committed
 * took effect exactly once in every sink. The ledger is the outbox rows the services retained during the run
 * ({@code outbox.cleanup=retain}, see {@link OutboxLedger}); Kafka is one of the sinks audited, never the source of
 * what is expected.
 *
 * <p>The sinks: {@code kafka} (records per event id, read {@code read_committed}; with exactly-once source a second
 * record is a duplicate delivered, without it a re-send that every reader drops by event id, counted as suppressed),
 * {@code elasticsearch} (one document per event id, {@code _id} = event id, so a copy cannot be delivered there;
 * re-deliveries show as {@code _version} above 1 and count as suppressed), {@code archive} (lines per event id; with
 * exactly-once source a second line is a duplicate delivered, without it the archived copy of a re-send Kafka holds,
 * which the archive tool replays once, counted as suppressed) and every consuming service (its inbox rows; duplicates suppressed are those
 * its instances report skipping, at least the extra Kafka copies of what it consumes) and, when the platform's SMTP
 * server is among the endpoints ({@code mail-api}), {@code smtp}: the customers' e-mails per {@code OrderConfirmed} and
 * {@code OrderCancelled}, read back from the server (see {@link SentEmails}).
 */
public final class ExactlyOnceAudit {

    /** The endpoint name of the SMTP server's API, as the platform lists it. */
    static final String MAIL_API = "mail-api";

    /** How long a sink may hold the same number of events before the audit stops waiting for the rest. */
    static final Duration STALL = Duration.ofSeconds(30);

    private final PlatformDatabases databases;
    private final String bootstrapServers;
    private final SinkEndpoints sinks;
    private final boolean exactlyOnceSource;
    private final PrintStream out;
    private final Map<String, String> serviceEndpoints;
    private final AnalyticsBaseline analytics;

    /** The analytics application's totals when the run began, and where it answers. */
    private record AnalyticsBaseline(String url, AnalyticsTotals before) {
    }

    /**
     * @param exactlyOnceSource whether the sources ran with exactly-once source: only then must Kafka hold each event once
     * @param out progress lines for humans
     */
    public ExactlyOnceAudit(PlatformDatabases databases, String bootstrapServers, SinkEndpoints sinks, boolean exactlyOnceSource,
            PrintStream out) {
        this(databases, bootstrapServers, sinks, exactlyOnceSource, out, Map.of(), null);
    }

    private ExactlyOnceAudit(PlatformDatabases databases, String bootstrapServers, SinkEndpoints sinks, boolean exactlyOnceSource,
            PrintStream out, Map<String, String> serviceEndpoints, AnalyticsBaseline analytics) {
        this.databases = databases;
        this.bootstrapServers = bootstrapServers;
        this.sinks = sinks;
        this.exactlyOnceSource = exactlyOnceSource;
        this.out = out;
        this.serviceEndpoints = Map.copyOf(serviceEndpoints);
        this.analytics = analytics;
    }

    /**
     * The same audit, told where the service instances answer (the platform's endpoints, e.g.
     * {@code LocalPlatform.endpoints()} or {@code platform.json}'s): it then adds the duplicates their inboxes report
     * skipping ({@code GET /inbox/stats}) to the consumers' suppressed duplicates (without it, those are the extra
     * Kafka copies of what each consumer consumes: a lower bound), and audits the e-mails the SMTP server received
     * when the endpoints name it ({@value #MAIL_API}).
     */
    public ExactlyOnceAudit withServiceEndpoints(Map<String, String> endpoints) {
        return new ExactlyOnceAudit(databases, bootstrapServers, sinks, exactlyOnceSource, out, endpoints, analytics);
    }

    /**
     * The same audit, also comparing the analytics application's figures with the databases': what it counted since
     * the run began ({@code before}: its totals then) must equal what the databases hold of the orders placed since
     * (orders placed, confirmed, cancelled; money captured and refunded per currency; units per SKU).
     */
    public ExactlyOnceAudit withAnalytics(String url, AnalyticsTotals before) {
        return new ExactlyOnceAudit(databases, bootstrapServers, sinks, exactlyOnceSource, out, serviceEndpoints,
                new AnalyticsBaseline(url, before));
    }

    /**
     * Waits until the platform is quiet (every order terminal, every sink caught up) or the timeout passes, then audits.
     *
     * @param acknowledgedOrders the orders the monolith acknowledged with 201 during the run
     * @param runStart when the run began: outbox rows from before it are not the run's
     * @param quietTimeout how long to wait for the platform to settle
     */
    public AuditReport run(Set<String> acknowledgedOrders, Instant runStart, Duration quietTimeout) {
        return run(acknowledgedOrders, runStart, quietTimeout, STALL);
    }

    /**
     * As {@link #run(Set, Instant, Duration)}, but a part that holds the same number of events for {@code stall} (rather than
     * {@link #STALL}) is no longer waited for: for a platform already quiet, from which events were taken on
     * purpose.
     */
    public AuditReport run(Set<String> acknowledgedOrders, Instant runStart, Duration quietTimeout, Duration stall) {
        try {
            return audit(Set.copyOf(acknowledgedOrders), runStart, new QuietWait(quietTimeout, stall, out));
        } catch (SQLException e) {
            throw new IllegalStateException("the audit cannot read the databases: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit cannot read a sink: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        }
    }

    private AuditReport audit(Set<String> acknowledged, Instant runStart, QuietWait wait)
            throws SQLException, IOException, InterruptedException {
        SagaInvariants invariants = new SagaInvariants(databases);
        wait.until("the acknowledged orders to end CONFIRMED or CANCELLED", acknowledged.size(), () -> {
            Map<String, Long> statuses = invariants.statusCounts(acknowledged);
            return statuses.get("CONFIRMED") + statuses.get("CANCELLED");
        });
        OutboxLedger ledger = awaitLedger(runStart, wait);
        SearchedEvents search = new SearchedEvents(sinks);
        try (ArchivedEvents archive = new ArchivedEvents(sinks)) {
            wait.until("Elasticsearch to hold every committed event", ledger.size(), () -> search.count(ledger.ids()));
            wait.until("the archive to hold every committed event", ledger.size(),
                    () -> held(ledger.ids(), archive.linesPerEvent(runStart).keySet()));

            out.println("auditing the sinks against " + ledger.size() + " committed events ...");
            Map<String, Long> kafka = new KafkaCopies(bootstrapServers, wait.remaining().plusSeconds(60))
                    .count(Topology.load().eventTopics(), runStart);
            List<SinkFinding> findings = new ArrayList<>();
            findings.add(SinkFinding.of(ledger.ids(), ledger::isKnown, new Deliveries("kafka", kafka, 0, exactlyOnceSource)));
            findings.add(SinkFinding.of(ledger.ids(), ledger::isKnown, searched(search.indexedSince(runStart), ledger.ids())));
            findings.add(SinkFinding.of(ledger.ids(), ledger::isKnown, new Deliveries("archive", archive.linesPerEvent(runStart), 0,
                    exactlyOnceSource)));
            for (ServiceDescriptor consumer : Topology.load().inboxConsumers()) {
                Set<String> expected = ledger.idsOn(consumer.consumes());
                findings.add(SinkFinding.of(expected, ledger::isKnown, new Deliveries(consumer.name(),
                        new InboxRows(databases).processedSince(consumer, runStart), suppressedBy(consumer, expected, kafka), true)));
            }
            if (serviceEndpoints.containsKey(MAIL_API)) {
                findings.add(emailed(new MailedEmails(serviceEndpoints.get(MAIL_API)), ledger, wait));
            }

            List<String> violations = new ArrayList<>();
            if (ledger.size() == 0 && !acknowledged.isEmpty()) {
                violations.add("no outbox row occurred since the run began although " + acknowledged.size() + " orders were "
                        + "acknowledged: the services must keep their outbox rows during a verification run (outbox.cleanup=retain)");
            }
            violations.addAll(new OrderOutcomes(databases).violations(acknowledged));
            violations.addAll(invariants.violations());
            violations.addAll(new IndexedOrders(databases, search).differences(acknowledged));
            violations.addAll(new DeadLetters(bootstrapServers, Duration.ofSeconds(60)).since(runStart));
            findings.forEach(finding -> violations.addAll(finding.violations()));
            if (analytics != null) {
                violations.addAll(analyticsDifferences(runStart, wait));
            }
            return new AuditReport(acknowledged.size(), ledger.size(), findings.stream().map(SinkFinding::tally).toList(), violations);
        }
    }

    /**
     * Reads the ledger until it stops growing: every consumer applied what it must of it and every outbox slot confirmed
     * the WAL written after that, and no event was added meanwhile (the answers of consumers and the saga's
     * confirmations and compensations are events too).
     */
    private OutboxLedger awaitLedger(Instant runStart, QuietWait wait) throws SQLException, InterruptedException {
        OutboxSlots slots = new OutboxSlots(databases);
        InboxRows inboxes = new InboxRows(databases);
        OutboxLedger ledger = OutboxLedger.read(databases, runStart);
        while (true) {
            out.println("the outboxes hold " + ledger.size() + " events of the run");
            for (ServiceDescriptor consumer : Topology.load().inboxConsumers()) {
                Set<String> expected = ledger.idsOn(consumer.consumes());
                wait.until(consumer.name() + " to apply what it consumes", expected.size(),
                        () -> held(expected, inboxes.processedSince(consumer, runStart).keySet()));
            }
            try {
                out.println("waiting for every outbox slot to confirm the WAL written so far ...");
                slots.awaitConfirmedNow(wait.remaining());
            } catch (IllegalStateException e) {
                out.println("  " + e.getMessage());
                return OutboxLedger.read(databases, runStart);
            }
            OutboxLedger now = OutboxLedger.read(databases, runStart);
            if (now.size() == ledger.size() || wait.remaining().compareTo(Duration.ofSeconds(1)) <= 0) {
                return now;
            }
            ledger = now;
        }
    }

    /**
     * What the SMTP server received about the run's orders, once it holds an e-mail per expected event (or the wait
     * gives up); resends of one event's e-mail are named here and counted as suppressed re-sends (same Message-ID).
     */
    private SinkFinding emailed(MailedEmails mailed, OutboxLedger ledger, QuietWait wait) throws InterruptedException {
        Set<String> expected = SentEmails.expected(ledger.events());
        // the run's orders are the ones the databases committed, acknowledged or not: an order whose 201 was lost (the
        // monolith killed between commit and answer) is confirmed all the same, and so is mailed
        Set<String> orders = SentEmails.orders(ledger.events());
        wait.until("the SMTP server to hold the customer's e-mail per order that ended", expected.size(),
                () -> held(expected, SentEmails.copies(mailed.all(), orders).keySet()));
        Map<String, Long> copies = SentEmails.copies(mailed.all(), orders);
        SentEmails.resent(copies).forEach((eventId, count) -> out.println("  the e-mail of event " + eventId + " arrived " + count
                + " times with one Message-ID: resent after a crash between the SMTP server's acceptance and the record of it"));
        return SinkFinding.of(expected, ledger::isKnown, new Deliveries(SentEmails.SINK, copies, 0, false));
    }

    /** Where the analytics application's count since the run began differs from the databases', once it caught up. */
    private List<String> analyticsDifferences(Instant runStart, QuietWait wait) throws SQLException {
        AnalyticsTotals expected = new DatabaseTotals(databases).ofOrdersPlacedSince(runStart);
        AnalyticsStats stats = new AnalyticsStats(analytics.url());
        wait.until("the analytics application to count what the databases hold", 1,
                () -> stats.totals().minus(analytics.before()).differencesFrom(expected).isEmpty() ? 1 : 0);
        try {
            return stats.totals().minus(analytics.before()).differencesFrom(expected).stream().map(d -> "analytics: " + d).toList();
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return List.of("analytics: cannot read its figures: " + e.getMessage());
        }
    }

    /** Elasticsearch's documents as copies, and its overwrites of expected events as suppressed re-deliveries. */
    private static Deliveries searched(Map<String, SearchedEvents.Indexed> indexed, Set<String> expected) {
        Map<String, Long> documents = new HashMap<>();
        indexed.forEach((id, found) -> documents.put(id, found.documents()));
        long overwrites = expected.stream().map(indexed::get).filter(Objects::nonNull)
                .mapToLong(found -> found.writes() - found.documents()).sum();
        return new Deliveries("elasticsearch", documents, overwrites, true);
    }

    /**
     * The duplicates a consumer suppressed: what its instances' inboxes report skipping (counted since each instance
     * started, so a restarted instance forgot its own), and at least one per extra Kafka copy of an event it consumes
     * (each copy reached the consumer group and was skipped).
     */
    private long suppressedBy(ServiceDescriptor consumer, Set<String> expected, Map<String, Long> kafka) {
        long extraCopies = expected.stream().mapToLong(id -> Math.max(0, kafka.getOrDefault(id, 0L) - 1)).sum();
        long reported = 0;
        for (String name : consumer.endpointNames()) {
            String url = serviceEndpoints.get(name);
            if (url != null) {
                try {
                    reported += InboxStats.sum(List.of(url)).duplicatesSkipped();
                } catch (IllegalStateException e) {
                    out.println("  " + name + " does not tell its inbox counts: " + e.getMessage());
                }
            }
        }
        return Math.max(extraCopies, reported);
    }

    private static long held(Set<String> expected, Set<String> present) {
        Set<String> smaller = expected.size() <= present.size() ? expected : present;
        Set<String> larger = smaller == expected ? present : expected;
        Set<String> both = new HashSet<>(smaller);
        both.retainAll(larger);
        return both.size();
    }
}
