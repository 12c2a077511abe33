package io.relaybox.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OutboxSlots;
import io.relaybox.verification.audit.PlatformDatabases;
import io.relaybox.verification.audit.SagaInvariants;

/**
 * The three service databases as the tests read them (superuser JDBC): what each service recorded per order, what the
 * platform holds (stock, balances), snapshots of every effect, and a barrier for the outboxes' change data capture.
 */
final class ServiceDatabases {

    static final String ORDERS = "orders";
    static final String INVENTORY = "inventory";
    static final String PAYMENT = "payment";

    private final PlatformDatabases databases;

    ServiceDatabases(LocalPlatform platform) {
        this.databases = new PlatformDatabases(platform.postgres().jdbcUrl(ORDERS), platform.secrets().password("postgres"));
    }

    /** The connections behind this, for the platform's own readers (e.g. {@code PublishedEvents}). */
    PlatformDatabases platformDatabases() {
        return databases;
    }

    SagaInvariants invariants() {
        return new SagaInvariants(databases);
    }

    /**
     * Every broken invariant of the settled saga, one line each: the auditor's (orders terminal, on hand and money
     * against the CONFIRMED orders, nothing held for a CANCELLED order) and, per SKU, the reserved units: what is not
     * on hand is reserved ({@code on_hand + reserved = initial}), and exactly the units of the RESERVED reservations.
     */
    List<String> sagaViolations() {
        List<String> violations = new ArrayList<>();
        try {
            violations.addAll(invariants().violations());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the saga's databases: " + e.getMessage(), e);
        }
        rows(INVENTORY, "SELECT s.sku, format('%s on hand + %s reserved, initial %s, held by RESERVED reservations %s',"
                + " s.on_hand, s.reserved, s.initial, coalesce(h.units, 0)) FROM stock s LEFT JOIN (SELECT l.sku, sum(l.quantity)"
                + " AS units FROM reservation_line l JOIN reservation r ON r.order_id = l.order_id WHERE r.status = 'RESERVED'"
                + " GROUP BY l.sku) h ON h.sku = s.sku WHERE s.on_hand + s.reserved <> s.initial"
                + " OR s.reserved <> coalesce(h.units, 0)")
                .forEach((sku, stock) -> violations.add("stock of " + sku + ": " + stock));
        return violations;
    }

    /** An event a service committed to its outbox: the source of truth of what Kafka and the sinks must hold. */
    record CommittedEvent(String id, String topic, String orderId, String type) {
    }

    /**
     * Every event the services committed about the orders (the outbox rows keyed by one of them, in every service
     * database), by event id. The platform the tests share keeps outbox rows ({@code outbox.cleanup=retain}, see
     * {@link SharedPlatform}); without them no order would have an event, which fails here rather than pass empty.
     */
    Map<String, CommittedEvent> committedEvents(Collection<String> orderIds) {
        Map<String, CommittedEvent> events = new LinkedHashMap<>();
        for (String database : OutboxSlots.OUTBOXES.stream().map(OutboxSlots.Outbox::database).distinct().toList()) {
            byKey(database, "SELECT id::text, concat_ws(' ', aggregatetype || '.events', aggregateid, type) FROM outbox_event"
                    + " WHERE aggregateid = ANY (?) ORDER BY id", "text", orderIds).forEach((id, row) -> {
                        String[] fields = row.split(" ");
                        events.put(id, new CommittedEvent(id, fields[0], fields[1], fields[2]));
                    });
        }
        List<String> withoutEvent = orderIds.stream()
                .filter(orderId -> events.values().stream().noneMatch(e -> e.orderId().equals(orderId))).limit(3).toList();
        if (!withoutEvent.isEmpty()) {
            throw new AssertionError("no outbox row for orders " + withoutEvent + ": the services must keep their outbox rows"
                    + " (outbox.cleanup=retain) for the tests to know what they committed");
        }
        return events;
    }

    /**
     * The {@code traceparent} column of every outbox row keyed by one of the orders, in every service database, by
     * event id ({@code "null"} where it is NULL).
     */
    Map<String, String> traceparents(Collection<String> orderIds) {
        Map<String, String> traceparents = new LinkedHashMap<>();
        for (String database : OutboxSlots.OUTBOXES.stream().map(OutboxSlots.Outbox::database).distinct().toList()) {
            traceparents.putAll(byKey(database, "SELECT id::text, coalesce(traceparent, 'null') FROM outbox_event"
                    + " WHERE aggregateid = ANY (?)", "text", orderIds));
        }
        return traceparents;
    }

    /**
     * Everything the platform did, as rows rendered to text: stock and balances, and per order its state in the
     * monolith, its reservation and its payment (with when each row last changed), and how many events each
     * consumer recorded as processed. Equal snapshots mean no effect happened in between.
     */
    record Effects(Map<String, String> stock, Map<String, String> balances, Map<String, String> orders,
            Map<String, String> reservations, Map<String, String> payments, Map<String, String> processedEvents) {
    }

    Effects effects(Collection<String> orderIds) {
        return new Effects(stock(), balances(),
                byOrder(ORDERS, "SELECT id::text, concat_ws(' ', status, inventory_status, payment_status, confirmed_at,"
                        + " cancelled_at) FROM orders WHERE id = ANY (?)", orderIds),
                byOrder(INVENTORY, "SELECT r.order_id::text, concat_ws(' ', r.status, r.updated_at, (SELECT string_agg("
                        + "l.sku || ' x' || l.quantity, ', ' ORDER BY l.sku) FROM reservation_line l WHERE l.order_id ="
                        + " r.order_id)) FROM reservation r WHERE r.order_id = ANY (?)", orderIds),
                byOrder(PAYMENT, "SELECT order_id::text, concat_ws(' ', status, amount, currency, failure_reason, updated_at)"
                        + " FROM payment WHERE order_id = ANY (?)", orderIds),
                processedEvents());
    }

    /** Per SKU: units on hand and reserved. */
    Map<String, String> stock() {
        return rows(INVENTORY, "SELECT sku, on_hand || ' on hand, ' || reserved || ' reserved' FROM stock");
    }

    /**
     * Adds units on hand to the SKU, as a delivery would ({@code initial} moves with them, so the invariants keep
     * holding): a test that must see a reservation does not depend on what earlier tests left in stock.
     */
    void restock(String sku, int units) {
        try (Connection connection = databases.connect(INVENTORY);
                PreparedStatement update = connection.prepareStatement("UPDATE stock SET on_hand = on_hand + ?, initial = initial + ? WHERE sku = ?")) {
            update.setInt(1, units);
            update.setInt(2, units);
            update.setString(3, sku);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no stock row for " + sku);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restock " + sku + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement (a test's seeding) in the database; the number of rows it changed. */
    int execute(String database, String sql) {
        try (Connection connection = databases.connect(database); PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every broken invariant of the monolith's legacy module, one line each: its own ledger (per SKU, what is not on
     * hand is reserved, exactly the units of its RESERVED reservations; per account, what left it is exactly its
     * CAPTURED payments) and, for every settled order the legacy module decided (mode monolith or shadow), that it
     * holds the reservation and the charge of a CONFIRMED order and neither of a CANCELLED one.
     */
    List<String> legacyViolations() {
        List<String> violations = new ArrayList<>();
        rows(ORDERS, "SELECT s.sku, format('%s on hand + %s reserved, initial %s, held by RESERVED reservations %s',"
                + " s.on_hand, s.reserved, s.initial, coalesce(h.units, 0)) FROM legacy_stock s LEFT JOIN (SELECT l.sku, sum(l.quantity)"
                + " AS units FROM legacy_reservation_line l JOIN legacy_reservation r ON r.order_id = l.order_id WHERE r.status = 'RESERVED'"
                + " GROUP BY l.sku) h ON h.sku = s.sku WHERE s.on_hand + s.reserved <> s.initial OR s.reserved <> coalesce(h.units, 0)")
                .forEach((sku, stock) -> violations.add("legacy stock of " + sku + ": " + stock));
        rows(ORDERS, "SELECT a.customer_id || ' ' || a.currency, format('initial %s - balance %s <> CAPTURED %s', a.initial, a.balance,"
                + " coalesce(c.amount, 0)) FROM legacy_account a LEFT JOIN (SELECT customer_id, currency, sum(amount) AS amount"
                + " FROM legacy_payment WHERE status = 'CAPTURED' GROUP BY customer_id, currency) c"
                + " ON c.customer_id = a.customer_id AND c.currency = a.currency WHERE a.initial - a.balance <> coalesce(c.amount, 0)")
                .forEach((account, money) -> violations.add("legacy account " + account + ": " + money));
        rows(ORDERS, "SELECT o.id::text, o.status || ' order, legacy reservation ' || coalesce(r.status, 'none') FROM orders o"
                + " LEFT JOIN legacy_reservation r ON r.order_id = o.id WHERE o.inventory_mode IN ('monolith', 'shadow')"
                + " AND ((o.status = 'CONFIRMED' AND r.status IS DISTINCT FROM 'RESERVED') OR (o.status = 'CANCELLED' AND r.status = 'RESERVED'))")
                .forEach((order, row) -> violations.add("order " + order + ": " + row));
        rows(ORDERS, "SELECT o.id::text, o.status || ' order, legacy payment ' || coalesce(p.status, 'none') FROM orders o"
                + " LEFT JOIN legacy_payment p ON p.order_id = o.id WHERE o.payment_mode IN ('monolith', 'shadow')"
                + " AND ((o.status = 'CONFIRMED' AND p.status IS DISTINCT FROM 'CAPTURED') OR (o.status = 'CANCELLED' AND p.status = 'CAPTURED'))")
                .forEach((order, row) -> violations.add("order " + order + ": " + row));
        return violations;
    }

    /**
     * Adds money to every account, as a deposit would ({@code initial} moves with it, so the invariants keep holding): a
     * test that must see captures does not depend on what earlier tests left in the accounts.
     */
    void topUpEveryAccount(java.math.BigDecimal amount) {
        try (Connection connection = databases.connect(PAYMENT);
                PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = balance + ?, initial = initial + ?")) {
            update.setBigDecimal(1, amount);
            update.setBigDecimal(2, amount);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot top up the accounts: " + e.getMessage(), e);
        }
    }

    /** Per customer and currency: the balance. */
    Map<String, String> balances() {
        return rows(PAYMENT, "SELECT customer_id || ' ' || currency, balance::text FROM account");
    }

    private Map<String, String> processedEvents() {
        Map<String, String> counts = new LinkedHashMap<>();
        for (String database : ServiceKind.all().stream().filter(kind -> kind.descriptor().hasDatabase())
                .map(kind -> kind.database().database()).toList()) {
            rows(database, "SELECT consumer, count(*)::text FROM processed_event GROUP BY consumer")
                    .forEach((consumer, count) -> counts.put(database + "/" + consumer, count));
        }
        return counts;
    }

    /** The orders' status in the monolith (PENDING, CONFIRMED, CANCELLED). */
    Map<String, String> orderStatuses(Collection<String> orderIds) {
        return byOrder(ORDERS, "SELECT id::text, status FROM orders WHERE id = ANY (?)", orderIds);
    }

    /** The orders' reservation status in inventory; orders inventory has not seen are absent. */
    Map<String, String> reservationStatuses(Collection<String> orderIds) {
        return byOrder(INVENTORY, "SELECT order_id::text, status FROM reservation WHERE order_id = ANY (?)", orderIds);
    }

    /** The orders' payment status in payment; orders payment has not seen are absent. */
    Map<String, String> paymentStatuses(Collection<String> orderIds) {
        return byOrder(PAYMENT, "SELECT order_id::text, status FROM payment WHERE order_id = ANY (?)", orderIds);
    }

    /**
     * Rows of {@code SELECT key, value ... WHERE ... = ANY (?)} with the order ids as the uuid array parameter, by key.
     */
    Map<String, String> byOrder(String database, String sql, Collection<String> orderIds) {
        return byKey(database, sql, "uuid", orderIds.stream().map(UUID::fromString).toList());
    }

    /** Rows of {@code SELECT key, value ... WHERE ... = ANY (?)} with the values as an array of the SQL type, by key. */
    private Map<String, String> byKey(String database, String sql, String type, Collection<?> values) {
        try (Connection connection = databases.connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf(type, values.toArray()));
            return collect(query);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows of {@code SELECT key, value ...}, by key. */
    Map<String, String> rows(String database, String sql) {
        try (Connection connection = databases.connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            return collect(query);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> collect(PreparedStatement query) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }

    /**
     * Waits until Debezium has confirmed each outbox's replication slot past the WAL written so far: whatever any
     * service committed to its outbox before this call is in Kafka afterwards.
     */
    void awaitOutboxesInKafka(Duration timeout) {
        try {
            new OutboxSlots(databases).awaitConfirmedNow(timeout);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the replication slots", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
