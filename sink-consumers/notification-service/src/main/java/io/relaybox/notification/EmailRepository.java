package io.relaybox.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email} table: one row per event, PENDING until the SMTP server accepted it. */
@Repository
class EmailRepository {

    private static final String SELECT = "SELECT event_id, order_id, event_type, customer_id, recipient, fallback,"
            + " subject, body, message_id, status, attempts, last_error, sent_at FROM email";

    private final JdbcClient jdbc;

    EmailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a pending e-mail unless the event has one.
     *
     * @return whether this call recorded it
     */
    boolean record(OrderEmail email) {
        return jdbc.sql("INSERT INTO email (event_id, order_id, event_type, customer_id, recipient, fallback, subject,"
                + " body, message_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')"
                + " ON CONFLICT (event_id) DO NOTHING")
                .params(email.eventId(), email.orderId(), email.eventType(), email.customerId(), email.recipient(),
                        email.fallback(), email.subject(), email.body(), email.messageId())
                .update() == 1;
    }

    /**
     * Locks one pending e-mail that is due, skipping those another transaction holds, oldest due first.
     *
     * @return the e-mail, its row locked until the transaction ends; empty when none is due
     */
    Optional<OrderEmail> lockNextDue() {
        return jdbc.sql(SELECT + " WHERE status = 'PENDING' AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .query(EmailRepository::email)
                .optional();
    }

    /** The SMTP server accepted the e-mail. */
    void sent(UUID eventId) {
        jdbc.sql("UPDATE email SET status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL"
                + " WHERE event_id = ?")
                .param(eventId)
                .update();
    }

    /** An attempt failed: the e-mail stays pending and is due again after the wait. */
    void failed(UUID eventId, Duration wait, String error) {
        jdbc.sql("UPDATE email SET attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + ? * interval '1 millisecond' WHERE event_id = ?")
                .params(error, wait.toMillis(), eventId)
                .update();
    }

    /** The order's e-mails, oldest first. */
    List<OrderEmail> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ? ORDER BY created_at, event_id")
                .param(orderId)
                .query(EmailRepository::email)
                .list();
    }

    private static OrderEmail email(ResultSet row, int rowNum) throws SQLException {
        Timestamp sentAt = row.getTimestamp("sent_at");
        return new OrderEmail(row.getObject("event_id", UUID.class), row.getObject("order_id", UUID.class),
                row.getString("event_type"), row.getString("customer_id"), row.getString("recipient"),
                row.getBoolean("fallback"), row.getString("subject"), row.getString("body"),
                row.getString("message_id"), row.getString("status"), row.getInt("attempts"),
                row.getString("last_error"), sentAt == null ? null : sentAt.toInstant());
    }
}
