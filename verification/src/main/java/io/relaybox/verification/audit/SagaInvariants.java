package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What must hold once the saga settled, read from the three databases: every order terminal; per SKU, initial stock
 * − on hand = reserved = units in CONFIRMED orders = units the RESERVED reservations hold (stock moves from on hand to
 * reserved and stays there for a confirmed order); per customer and currency, initial balance − balance = total of
 * CONFIRMED orders = amount of the CAPTURED payments; every CONFIRMED order reserved and captured for its total; no
 * reservation or capture left for a CANCELLED order. On the services' ledgers by default, or on the order monolith's
 * legacy module's ({@link Ledger}) where it decides.
 */
public final class SagaInvariants {

    private final PlatformDatabases databases;
    private final Ledger inventoryLedger;
    private final Ledger paymentLedger;

    /** The invariants on the services' ledgers. */
    public SagaInvariants(PlatformDatabases databases) {
        this(databases, Ledger.SERVICE, Ledger.SERVICE);
    }

    /** The invariants on the ledgers that decided: the services', or the monolith's legacy module's (migration modes). */
    public SagaInvariants(PlatformDatabases databases, Ledger inventoryLedger, Ledger paymentLedger) {
        this.databases = databases;
        this.inventoryLedger = inventoryLedger;
        this.paymentLedger = paymentLedger;
    }

    /** How many of these orders are CONFIRMED, CANCELLED and still PENDING. */
    public Map<String, Long> statusCounts(Collection<String> orderIds) throws SQLException {
        Map<String, Long> counts = new HashMap<>(Map.of("CONFIRMED", 0L, "CANCELLED", 0L, "PENDING", 0L));
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement("SELECT status, count(*) FROM orders WHERE id = ANY (?) GROUP BY status")) {
            query.setArray(1, orders.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Of these orders, those that ended: CONFIRMED or CANCELLED. */
    public Set<String> terminalOrders(Collection<String> orderIds) throws SQLException {
        Set<String> terminal = new HashSet<>();
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement(
                        "SELECT id FROM orders WHERE id = ANY (?) AND status IN ('CONFIRMED', 'CANCELLED')")) {
            query.setArray(1, orders.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    terminal.add(rows.getString(1));
                }
            }
        }
        return terminal;
    }

    /** Every broken invariant, one line each; empty when all hold. */
    public List<String> violations() throws SQLException {
        List<String> violations = new ArrayList<>();
        Ledger in = inventoryLedger;
        Ledger pay = paymentLedger;
        try (Connection orders = databases.connect("orders"); Connection inventory = databases.connect(in.inventoryDatabase());
                Connection payment = databases.connect(pay.paymentDatabase())) {
            long pending = single(orders, "SELECT count(*) FROM orders WHERE status = 'PENDING'");
            if (pending > 0) {
                violations.add(pending + " orders are not terminal (PENDING)");
            }
            Map<String, BigDecimal> confirmedUnits = map(orders, "SELECT l.sku, sum(l.quantity) FROM order_line l JOIN orders o "
                    + "ON o.id = l.order_id WHERE o.status = 'CONFIRMED' GROUP BY l.sku");
            compare("stock taken (initial - on hand) of", map(inventory, "SELECT sku, initial - on_hand FROM " + in.stock()), confirmedUnits,
                    violations);
            compare("stock reserved of", map(inventory, "SELECT sku, reserved FROM " + in.stock()), confirmedUnits, violations);
            compare("units held by RESERVED reservations of", map(inventory, "SELECT l.sku, sum(l.quantity) FROM " + in.reservationLine() + " l "
                    + "JOIN " + in.reservation() + " r ON r.order_id = l.order_id WHERE r.status = 'RESERVED' GROUP BY l.sku"), confirmedUnits,
                    violations);
            Map<String, BigDecimal> confirmedMoney = map(orders, "SELECT customer_id || ' ' || currency, sum(total) FROM orders "
                    + "WHERE status = 'CONFIRMED' GROUP BY customer_id, currency");
            compare("balance taken (initial - balance) of", map(payment, "SELECT customer_id || ' ' || currency, initial - balance "
                    + "FROM " + pay.account()), confirmedMoney, violations);
            compare("CAPTURED payments of", map(payment, "SELECT customer_id || ' ' || currency, sum(amount) FROM " + pay.payment()
                    + " WHERE status = 'CAPTURED' GROUP BY customer_id, currency"), confirmedMoney, violations);
            Map<String, BigDecimal> confirmedTotals = map(orders, "SELECT id::text, total FROM orders WHERE status = 'CONFIRMED'");
            Set<String> unreserved = new HashSet<>(confirmedTotals.keySet());
            unreserved.removeAll(ids(inventory, "SELECT order_id::text FROM " + in.reservation() + " WHERE status = 'RESERVED'"));
            if (!unreserved.isEmpty()) {
                violations.add(unreserved.size() + " CONFIRMED orders hold no reservation, e.g. " + unreserved.iterator().next());
            }
            compare("the CAPTURED amount of", capturedFor(payment, pay.payment(), confirmedTotals.keySet()), confirmedTotals, violations);
            Set<String> cancelled = ids(orders, "SELECT id::text FROM orders WHERE status = 'CANCELLED'");
            Set<String> reserved = ids(inventory, "SELECT order_id::text FROM " + in.reservation() + " WHERE status = 'RESERVED'");
            Set<String> captured = ids(payment, "SELECT order_id::text FROM " + pay.payment() + " WHERE status = 'CAPTURED'");
            reserved.retainAll(cancelled);
            captured.retainAll(cancelled);
            if (!reserved.isEmpty()) {
                violations.add(reserved.size() + " CANCELLED orders still hold a reservation, e.g. " + reserved.iterator().next());
            }
            if (!captured.isEmpty()) {
                violations.add(captured.size() + " CANCELLED orders are still charged, e.g. " + captured.iterator().next());
            }
        }
        return violations;
    }

    /** The CAPTURED amount of each of the orders (absent when it has none). */
    private static Map<String, BigDecimal> capturedFor(Connection payment, String table, Set<String> orderIds) throws SQLException {
        Map<String, BigDecimal> amounts = new HashMap<>();
        try (PreparedStatement query = payment.prepareStatement(
                "SELECT order_id::text, amount FROM " + table + " WHERE status = 'CAPTURED' AND order_id = ANY (?)")) {
            query.setArray(1, payment.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    amounts.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
        }
        return amounts;
    }

    private static void compare(String what, Map<String, BigDecimal> taken, Map<String, BigDecimal> confirmed, List<String> violations) {
        Set<String> keys = new HashSet<>(taken.keySet());
        keys.addAll(confirmed.keySet());
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            BigDecimal left = Objects.requireNonNullElse(taken.get(key), BigDecimal.ZERO);
            BigDecimal right = Objects.requireNonNullElse(confirmed.get(key), BigDecimal.ZERO);
            if (left.compareTo(right) != 0) {
                wrong.add(key + ": " + left.toPlainString() + ", CONFIRMED orders " + right.toPlainString());
            }
        }
        if (!wrong.isEmpty()) {
            violations.add(what + " " + wrong.size() + " keys differs from the CONFIRMED orders, e.g. " + wrong.get(0));
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, BigDecimal> map(Connection connection, String sql) throws SQLException {
        Map<String, BigDecimal> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getBigDecimal(2));
            }
        }
        return values;
    }

    private static Set<String> ids(Connection connection, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
