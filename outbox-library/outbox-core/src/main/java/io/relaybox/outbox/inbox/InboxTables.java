package io.relaybox.outbox.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The statements on {@code processed_event} and {@code parked_event}, all on the caller's transaction connection. */
final class InboxTables {

    private static final int MAX_REASON_LENGTH = 4000;

    private InboxTables() {
    }

    /** Records the event as processed; false when it already was (the insert then waits for a concurrent one). */
    static boolean markProcessed(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    static boolean isProcessed(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            select.setString(1, consumer);
            select.setObject(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The earliest parked event of the aggregate (the one it waits for), or null when it flows. */
    static UUID parkedHead(Connection connection, String consumer, String aggregateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT event_id FROM parked_event"
                + " WHERE consumer = ? AND aggregate_id = ? ORDER BY seq LIMIT 1")) {
            select.setString(1, consumer);
            select.setString(2, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        }
    }

    /** Parks the event at the end of its aggregate's queue; a redelivered parked event keeps its place. */
    static void park(Connection connection, String consumer, UUID eventId, String aggregateId, String eventType,
            String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parked_event"
                + " (consumer, event_id, aggregate_id, event_type, reason) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (consumer, event_id) DO NOTHING")) {
            bindParked(insert, consumer, eventId, aggregateId, eventType, reason);
            insert.executeUpdate();
        }
    }

    /** Parks the event as a dead letter; one parked already keeps its place, with the new reason. */
    static void deadLetter(Connection connection, String consumer, UUID eventId, String aggregateId, String eventType,
            String reason) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO parked_event"
                + " (consumer, event_id, aggregate_id, event_type, reason) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (consumer, event_id) DO UPDATE SET reason = EXCLUDED.reason, parked_at = now()")) {
            bindParked(upsert, consumer, eventId, aggregateId, eventType, reason);
            upsert.executeUpdate();
        }
    }

    static void unpark(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM parked_event WHERE consumer = ? AND event_id = ?")) {
            delete.setString(1, consumer);
            delete.setObject(2, eventId);
            delete.executeUpdate();
        }
    }

    private static void bindParked(PreparedStatement statement, String consumer, UUID eventId, String aggregateId,
            String eventType, String reason) throws SQLException {
        statement.setString(1, consumer);
        statement.setObject(2, eventId);
        statement.setString(3, aggregateId);
        statement.setString(4, eventType);
        statement.setString(5, reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason);
    }
}
