package io.relaybox.order.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.Capability;
import io.relaybox.order.Order;
import io.relaybox.order.OrderLine;
import io.relaybox.order.SagaReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monolith's own stock keeping, as it was before inventory-service existed: tables {@code legacy_stock},
 * {@code legacy_reservation} and {@code legacy_reservation_line} in the orders database. It reserves every line of an
 * order or none, in the caller's transaction (the one that places the order), locking the stock rows in SKU order, as
 * the service does, so concurrent orders queue instead of deadlocking.
 */
@Repository
public class LegacyInventory {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    LegacyInventory(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Reserves every line of the order or none; an order reserved before keeps what was recorded. */
    public LegacyDecision reserve(Order order) {
        long started = System.nanoTime();
        Map<String, Integer> wanted = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            wanted.merge(line.sku(), line.quantity(), Integer::sum);
        }
        Map<String, Integer> onHand = new TreeMap<>();
        jdbc.sql("SELECT sku, on_hand FROM legacy_stock WHERE sku = ANY (?) ORDER BY sku FOR UPDATE")
                .param(wanted.keySet().toArray(String[]::new))
                .query(row -> {
                    onHand.put(row.getString("sku"), row.getInt("on_hand"));
                });
        List<Map<String, Object>> shortages = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            int available = onHand.getOrDefault(sku, 0);
            if (available < quantity) {
                shortages.add(Map.of("sku", sku, "requested", quantity, "available", available));
            }
        });
        boolean reserved = shortages.isEmpty();
        int inserted = jdbc.sql("INSERT INTO legacy_reservation (order_id, status, short_skus) VALUES (?, ?, ?::jsonb)"
                + " ON CONFLICT (order_id) DO NOTHING")
                .params(order.orderId(), reserved ? "RESERVED" : "REJECTED", json.writeValueAsString(shortages))
                .update();
        if (inserted == 1) {
            List<Object[]> lines = new ArrayList<>();
            wanted.forEach((sku, quantity) -> lines.add(new Object[] {order.orderId(), sku, quantity}));
            batches.batchUpdate("INSERT INTO legacy_reservation_line (order_id, sku, quantity) VALUES (?, ?, ?)", lines);
            if (reserved) {
                List<Object[]> holds = new ArrayList<>();
                wanted.forEach((sku, quantity) -> holds.add(new Object[] {quantity, quantity, sku}));
                batches.batchUpdate("UPDATE legacy_stock SET on_hand = on_hand - ?, reserved = reserved + ? WHERE sku = ?", holds);
            }
        } else {
            reserved = "RESERVED".equals(status(order.orderId()).orElse(""));
        }
        double millis = (System.nanoTime() - started) / 1e6;
        List<String> shortSkus = shortages.stream().map(s -> (String) s.get("sku")).toList();
        if (reserved) {
            return new LegacyDecision(Capability.INVENTORY, SagaReport.INVENTORY_RESERVED, null, Map.of("shortSkus", List.of()), millis);
        }
        return new LegacyDecision(Capability.INVENTORY, SagaReport.INVENTORY_REJECTED, "inventory rejected the order: short of "
                + String.join(", ", shortSkus), Map.of("shortSkus", shortSkus), millis);
    }

    /**
     * Gives a reserved order's units back (the order was cancelled): its reservation becomes RELEASED. For an order this
     * module holds nothing for, a CANCELLED row marks it, so that a back-fill from the service, should it bring a
     * reservation for the order, knows the order was cancelled (see {@link LegacyState}); the upsert also waits for a
     * back-fill writing the order's row right now, and then sees what it wrote.
     *
     * @return {@code INVENTORY_RELEASED} when units came back
     */
    public Optional<SagaReport> release(UUID orderId) {
        String status = jdbc.sql("INSERT INTO legacy_reservation (order_id, status) VALUES (?, 'CANCELLED')"
                + " ON CONFLICT (order_id) DO UPDATE SET updated_at = legacy_reservation.updated_at RETURNING status")
                .param(orderId).query(String.class).single();
        if (!"RESERVED".equals(status)) {
            return Optional.empty();
        }
        // in SKU order, as every other lock of these rows
        jdbc.sql("SELECT sku FROM legacy_stock WHERE sku IN (SELECT sku FROM legacy_reservation_line WHERE order_id = ?) ORDER BY sku FOR UPDATE")
                .param(orderId).query(String.class).list();
        jdbc.sql("UPDATE legacy_stock s SET on_hand = s.on_hand + l.quantity, reserved = s.reserved - l.quantity"
                + " FROM legacy_reservation_line l WHERE l.order_id = ? AND l.sku = s.sku").param(orderId).update();
        jdbc.sql("UPDATE legacy_reservation SET status = 'RELEASED', updated_at = now() WHERE order_id = ?").param(orderId).update();
        return Optional.of(SagaReport.INVENTORY_RELEASED);
    }

    private Optional<String> status(UUID orderId) {
        return jdbc.sql("SELECT status FROM legacy_reservation WHERE order_id = ?").param(orderId).query(String.class).optional();
    }
}
