package io.relaybox.order.legacy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.Capability;
import io.relaybox.order.Order;
import io.relaybox.order.SagaReport;

/**
 * The monolith's own customer accounts, as they were before payment-service existed: tables {@code legacy_account} and
 * {@code legacy_payment} in the orders database. It charges an order's total in the caller's transaction when the
 * customer's account in the order's currency holds enough: INSUFFICIENT_FUNDS when it does not (or the customer has no
 * account in that currency), UNKNOWN_CUSTOMER when the customer has none at all, as the service decides.
 */
@Repository
public class LegacyPayments {

    private final JdbcClient jdbc;

    LegacyPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Charges the order's total, or records why not; an order charged before keeps what was recorded. */
    public LegacyDecision capture(Order order) {
        long started = System.nanoTime();
        Optional<BigDecimal> balance = jdbc.sql("SELECT balance FROM legacy_account WHERE customer_id = ? AND currency = ? FOR UPDATE")
                .params(order.customerId(), order.currency()).query(BigDecimal.class).optional();
        String failure = null;
        if (balance.isEmpty()) {
            boolean known = jdbc.sql("SELECT count(*) FROM legacy_account WHERE customer_id = ?").param(order.customerId())
                    .query(Long.class).single() > 0;
            failure = known ? "INSUFFICIENT_FUNDS" : "UNKNOWN_CUSTOMER";
        } else if (balance.get().compareTo(order.total()) < 0) {
            failure = "INSUFFICIENT_FUNDS";
        }
        int inserted = jdbc.sql("INSERT INTO legacy_payment (order_id, status, customer_id, currency, amount, failure_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING")
                .params(order.orderId(), failure == null ? "CAPTURED" : "FAILED", order.customerId(), order.currency(), order.total(), failure)
                .update();
        if (inserted == 1 && failure == null) {
            jdbc.sql("UPDATE legacy_account SET balance = balance - ? WHERE customer_id = ? AND currency = ?")
                    .params(order.total(), order.customerId(), order.currency()).update();
        } else if (inserted == 0) {
            failure = jdbc.sql("SELECT coalesce(failure_reason, '') FROM legacy_payment WHERE order_id = ?").param(order.orderId())
                    .query(String.class).single();
            failure = failure.isEmpty() ? null : failure;
        }
        double millis = (System.nanoTime() - started) / 1e6;
        Map<String, Object> detail = failure == null
                ? Map.of("amount", order.total().toPlainString(), "currency", order.currency())
                : Map.of("amount", order.total().toPlainString(), "currency", order.currency(), "failureReason", failure);
        if (failure == null) {
            return new LegacyDecision(Capability.PAYMENT, SagaReport.PAYMENT_CAPTURED, null, detail, millis);
        }
        return new LegacyDecision(Capability.PAYMENT, SagaReport.PAYMENT_FAILED,
                "payment failed: " + failure + " (" + order.total() + " " + order.currency() + ")", detail, millis);
    }

    /**
     * Gives a captured order's amount back (the order was cancelled): its payment becomes REFUNDED. For an order this
     * module charged nothing for, a CANCELLED row marks it (see {@link LegacyInventory#release}).
     *
     * @return {@code PAYMENT_REFUNDED} when money came back
     */
    public Optional<SagaReport> refund(UUID orderId) {
        Charge charge = jdbc.sql("INSERT INTO legacy_payment (order_id, status) VALUES (?, 'CANCELLED')"
                + " ON CONFLICT (order_id) DO UPDATE SET updated_at = legacy_payment.updated_at RETURNING status, customer_id, currency, amount")
                .param(orderId)
                .query((row, n) -> new Charge(row.getString("status"), row.getString("customer_id"), row.getString("currency"),
                        row.getBigDecimal("amount")))
                .single();
        if (!"CAPTURED".equals(charge.status())) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE legacy_account SET balance = balance + ? WHERE customer_id = ? AND currency = ?")
                .params(charge.amount(), charge.customerId(), charge.currency()).update();
        jdbc.sql("UPDATE legacy_payment SET status = 'REFUNDED', updated_at = now() WHERE order_id = ?").param(orderId).update();
        return Optional.of(SagaReport.PAYMENT_REFUNDED);
    }

    private record Charge(String status, String customerId, String currency, BigDecimal amount) {
    }
}
