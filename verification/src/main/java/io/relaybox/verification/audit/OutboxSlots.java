package io.relaybox.verification.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.relaybox.topology.Topology;

/**
 * The replication slots of the platform's outbox connectors, one per service database: waiting until each has
 * confirmed the WAL written so far tells that whatever any service committed to its outbox is in Kafka (the
 * connectors confirm only what Kafka acknowledged).
 */
public final class OutboxSlots {

    /** A database with an outbox, the replication slot of its connector and the topic it feeds. */
    public record Outbox(String database, String slot, String topic) {
    }

    /** Every service's outbox, as the topology names them. */
    public static final List<Outbox> OUTBOXES = Topology.load().services().stream()
            .flatMap(service -> service.publishedTopics().stream().map(topic -> new Outbox(service.database(), service.outboxSlot(), topic)))
            .toList();
    private static final Duration POLL = Duration.ofMillis(500);

    private final PlatformDatabases databases;

    public OutboxSlots(PlatformDatabases databases) {
        this.databases = databases;
    }

    /**
     * Waits until every outbox slot has confirmed past the WAL position of now. A logical decoding message, like the
     * connectors' heartbeat, gives an idle slot something to confirm.
     *
     * @throws IllegalStateException when a slot did not confirm within the timeout
     */
    public void awaitConfirmedNow(Duration timeout) throws SQLException, InterruptedException {
        Map<Outbox, String> walPositions = new LinkedHashMap<>();
        for (Outbox outbox : OUTBOXES) {
            walPositions.put(outbox, query(outbox.database(),
                    "SELECT pg_logical_emit_message(false, 'relaybox.heartbeat', 'relaybox')::text"));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Outbox, String> position : walPositions.entrySet()) {
            String confirmedSql = "SELECT (confirmed_flush_lsn >= '" + position.getValue() + "'::pg_lsn)::text"
                    + " FROM pg_replication_slots WHERE slot_name = '" + position.getKey().slot() + "'";
            while (!"true".equals(query(position.getKey().database(), confirmedSql))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the slot " + position.getKey().slot() + " did not confirm "
                            + position.getValue() + " in " + timeout + ": is its connector running?");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private String query(String database, String sql) throws SQLException {
        try (Connection connection = databases.connect(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
