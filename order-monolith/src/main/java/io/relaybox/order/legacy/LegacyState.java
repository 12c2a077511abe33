package io.relaybox.order.legacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.migration.InventoryState;
import io.relaybox.order.migration.PaymentState;

/**
 * The legacy module's state as a whole, for a back-fill: read it to give it to a service, or replace it with a
 * service's. Called inside the mode switch's transaction.
 *
 * <p>An order cancelled in the monolith leaves a CANCELLED row here when the legacy module held nothing for it
 * ({@link LegacyInventory#release}): so replacing the state with a service's knows which orders the service still held
 * something for while they were being cancelled. The service gives its own back when it reads the cancellation.
 */
@Repository
public class LegacyState {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    LegacyState(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public InventoryState inventory() {
        List<InventoryState.Stock> stock = jdbc.sql("SELECT sku, on_hand, reserved, initial FROM legacy_stock ORDER BY sku")
                .query((row, n) -> new InventoryState.Stock(row.getString("sku"), row.getInt("on_hand"), row.getInt("reserved"),
                        row.getInt("initial")))
                .list();
        Map<UUID, List<InventoryState.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, sku, quantity FROM legacy_reservation_line ORDER BY order_id, sku").query(row -> {
            lines.computeIfAbsent(row.getObject("order_id", UUID.class), id -> new ArrayList<>())
                    .add(new InventoryState.Line(row.getString("sku"), row.getInt("quantity")));
        });
        List<InventoryState.Reservation> reservations = jdbc.sql("SELECT order_id, status FROM legacy_reservation ORDER BY order_id")
                .query((row, n) -> {
                    UUID orderId = row.getObject("order_id", UUID.class);
                    return new InventoryState.Reservation(orderId, row.getString("status"), lines.getOrDefault(orderId, List.of()));
                })
                .list();
        return new InventoryState(stock, reservations);
    }

    public PaymentState payment() {
        List<PaymentState.Account> accounts = jdbc.sql("SELECT customer_id, currency, balance, initial FROM legacy_account ORDER BY customer_id, currency")
                .query((row, n) -> new PaymentState.Account(row.getString("customer_id"), row.getString("currency"), row.getBigDecimal("balance"),
                        row.getBigDecimal("initial")))
                .list();
        List<PaymentState.Payment> payments = jdbc.sql("SELECT order_id, status, customer_id, currency, amount, failure_reason FROM legacy_payment"
                + " ORDER BY order_id")
                .query((row, n) -> new PaymentState.Payment(row.getObject("order_id", UUID.class), row.getString("status"),
                        row.getString("customer_id"), row.getString("currency"), row.getBigDecimal("amount"), row.getString("failure_reason")))
                .list();
        return new PaymentState(accounts, payments);
    }

    /**
     * Keeps the reservations and charges the legacy module holds now (RESERVED, CAPTURED) from being given back until the
     * caller's transaction ends: a back-fill to the service then copies them as they stay, and the cancellation that
     * gives one back here afterwards reaches the service too, through its event, and gives back the copy.
     */
    public void holdForBackfill() {
        jdbc.sql("SELECT order_id FROM legacy_reservation WHERE status = 'RESERVED' FOR SHARE").query(UUID.class).list();
        jdbc.sql("SELECT order_id FROM legacy_payment WHERE status = 'CAPTURED' FOR SHARE").query(UUID.class).list();
    }

    /**
     * Replaces the legacy stock with the service's; reservations not in it stay as they are. A reservation of an order
     * cancelled here (its row CANCELLED or RELEASED) stays so, and the units the service still held for it when it
     * answered come back: the order's cancellation, done here, will not give them back again, while the service gives
     * its own back when it reads the cancellation.
     */
    public void replaceInventory(InventoryState state) {
        jdbc.sql("SELECT sku FROM legacy_stock ORDER BY sku FOR UPDATE").query(String.class).list();
        List<InventoryState.Reservation> given = state.reservations();
        int[] written = batches.batchUpdate("INSERT INTO legacy_reservation (order_id, status) VALUES (?, ?) ON CONFLICT (order_id) DO UPDATE"
                + " SET status = excluded.status, short_skus = '[]', updated_at = now() WHERE legacy_reservation.status NOT IN ('CANCELLED', 'RELEASED')",
                given.stream().map(r -> new Object[] {r.orderId(), r.status()}).toList());
        Map<String, int[]> levels = new LinkedHashMap<>();
        state.stock().stream().sorted(Comparator.comparing(InventoryState.Stock::sku))
                .forEach(s -> levels.put(s.sku(), new int[] {s.onHand(), s.reserved(), s.initial()}));
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            InventoryState.Reservation reservation = given.get(i);
            if (written[i] == 0) {
                if ("RESERVED".equals(reservation.status())) {
                    reservation.lines().forEach(line -> {
                        int[] level = levels.get(line.sku());
                        if (level != null) {
                            level[0] += line.quantity();
                            level[1] -= line.quantity();
                        }
                    });
                }
                continue;
            }
            replaced.add(new Object[] {reservation.orderId()});
            reservation.lines().forEach(line -> lines.add(new Object[] {reservation.orderId(), line.sku(), line.quantity()}));
        }
        // the lines of the reservations written here only: one kept as it was (cancelled here) keeps its lines
        batches.batchUpdate("DELETE FROM legacy_reservation_line WHERE order_id = ?", replaced);
        batches.batchUpdate("INSERT INTO legacy_reservation_line (order_id, sku, quantity) VALUES (?, ?, ?)", lines);
        List<Object[]> stock = new ArrayList<>();
        levels.forEach((sku, level) -> stock.add(new Object[] {sku, level[0], level[1], level[2]}));
        batches.batchUpdate("INSERT INTO legacy_stock (sku, on_hand, reserved, initial) VALUES (?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE"
                + " SET on_hand = excluded.on_hand, reserved = excluded.reserved, initial = excluded.initial", stock);
    }

    /**
     * Replaces the legacy accounts with the service's; payments not in it stay as they are. A payment of an order
     * cancelled here (its row CANCELLED or REFUNDED) stays so, and the amount the service still held for it comes back.
     */
    public void replacePayment(PaymentState state) {
        jdbc.sql("SELECT customer_id FROM legacy_account ORDER BY customer_id, currency FOR UPDATE").query(String.class).list();
        List<PaymentState.Payment> given = state.payments();
        int[] written = batches.batchUpdate("INSERT INTO legacy_payment (order_id, status, customer_id, currency, amount, failure_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, customer_id = excluded.customer_id,"
                + " currency = excluded.currency, amount = excluded.amount, failure_reason = excluded.failure_reason, updated_at = now()"
                + " WHERE legacy_payment.status NOT IN ('CANCELLED', 'REFUNDED')",
                given.stream().map(p -> new Object[] {p.orderId(), p.status(), p.customerId(), p.currency(), p.amount(), p.failureReason()})
                        .toList());
        Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
        state.accounts().forEach(a -> balances.put(a.customerId() + "/" + a.currency(), new BigDecimal[] {a.balance(), a.initial()}));
        for (int i = 0; i < given.size(); i++) {
            PaymentState.Payment payment = given.get(i);
            BigDecimal[] balance = balances.get(payment.customerId() + "/" + payment.currency());
            if (written[i] == 0 && "CAPTURED".equals(payment.status()) && balance != null) {
                balance[0] = balance[0].add(payment.amount());
            }
        }
        List<Object[]> accounts = new ArrayList<>();
        balances.forEach((key, balance) -> {
            int slash = key.lastIndexOf('/');
            accounts.add(new Object[] {key.substring(0, slash), key.substring(slash + 1), balance[0], balance[1]});
        });
        batches.batchUpdate("INSERT INTO legacy_account (customer_id, currency, balance, initial) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (customer_id, currency) DO UPDATE SET balance = excluded.balance, initial = excluded.initial", accounts);
    }
}
