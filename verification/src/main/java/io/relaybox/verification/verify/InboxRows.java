package io.relaybox.verification.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.verification.audit.PlatformDatabases;

/**
 * The events a consuming service applied, from its inbox ({@code processed_event}, consumer = the service's name) in
 * its own database: one row per event applied, written in the transaction of the event's effect. Its primary key
 * {@code (consumer, event_id)} makes a second row for one event impossible, so an event applied twice cannot show
 * here; it would show in the stock and money invariants.
 */
final class InboxRows {

    private final PlatformDatabases databases;

    InboxRows(PlatformDatabases databases) {
        this.databases = databases;
    }

    /** The events the service recorded as processed at or after the time: one copy each. */
    Map<String, Long> processedSince(ServiceDescriptor service, Instant since) throws SQLException {
        Map<String, Long> processed = new HashMap<>();
        try (Connection connection = databases.connect(service.database());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT event_id::text FROM processed_event WHERE consumer = ? AND processed_at >= ?")) {
            query.setString(1, service.consumerGroup());
            query.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    processed.put(rows.getString(1), 1L);
                }
            }
        }
        return processed;
    }
}
