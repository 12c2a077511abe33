package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads and writes of a state transfer, each one statement over the whole state (arrays through {@code unnest}),
 * not one per row: a transfer carries every payment the service ever recorded. Amounts travel as text, so that
 * {@code numeric} keeps each one's scale (1500 yen, 12.50 euros, 1.250 dinars) as the service stores it.
 */
@Repository
class MigrationStateRepository {

    private final JdbcClient jdbc;

    MigrationStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account, sorted by customer and currency (code point order, as the accounts are locked). */
    List<TransferredAccount> accounts() {
        return jdbc.sql("SELECT customer_id, currency, balance, initial FROM account"
                + " ORDER BY customer_id COLLATE \"C\", currency COLLATE \"C\"")
                .query((row, n) -> new TransferredAccount(row.getString("customer_id"), row.getString("currency"),
                        row.getBigDecimal("balance"), row.getBigDecimal("initial")))
                .list();
    }

    /** Every decided payment, sorted by order id. */
    List<TransferredPayment> payments() {
        // DECIDING is never committed, so another transaction never sees it; the condition says so where it matters
        return jdbc.sql("SELECT order_id, status, customer_id, currency, amount, failure_reason FROM payment"
                + " WHERE status <> 'DECIDING' ORDER BY order_id")
                .query((row, n) -> {
                    String reason = row.getString("failure_reason");
                    return new TransferredPayment(row.getObject("order_id", UUID.class),
                            PaymentStatus.valueOf(row.getString("status")), row.getString("customer_id"),
                            row.getString("currency"), row.getBigDecimal("amount"),
                            reason == null ? null : FailureReason.valueOf(reason));
                })
                .list();
    }

    /** Inserts each account, or overwrites the balance and initial of one that exists. */
    void upsertAccounts(List<TransferredAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO account (customer_id, currency, balance, initial)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[], ?::numeric[])"
                + " ON CONFLICT (customer_id, currency) DO UPDATE SET balance = EXCLUDED.balance, initial = EXCLUDED.initial")
                .params(texts(accounts, TransferredAccount::customerId), texts(accounts, TransferredAccount::currency),
                        amounts(accounts, TransferredAccount::balance), amounts(accounts, TransferredAccount::initial))
                .update();
    }

    /** Inserts each payment, or overwrites every column of the order's payment but its creation time. */
    void upsertPayments(List<TransferredPayment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO payment (order_id, status, customer_id, currency, amount, failure_reason)"
                + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::text[])"
                + " ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, customer_id = EXCLUDED.customer_id,"
                + " currency = EXCLUDED.currency, amount = EXCLUDED.amount, failure_reason = EXCLUDED.failure_reason,"
                + " updated_at = now()")
                .params(payments.stream().map(TransferredPayment::orderId).toArray(UUID[]::new),
                        texts(payments, payment -> payment.status().name()), texts(payments, TransferredPayment::customerId),
                        texts(payments, TransferredPayment::currency), amounts(payments, TransferredPayment::amount),
                        texts(payments, payment -> payment.failureReason() == null ? null : payment.failureReason().name()))
                .update();
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    private static <T> String[] amounts(List<T> rows, Function<T, BigDecimal> column) {
        return rows.stream().map(column).map(amount -> amount == null ? null : amount.toPlainString()).toArray(String[]::new);
    }
}
