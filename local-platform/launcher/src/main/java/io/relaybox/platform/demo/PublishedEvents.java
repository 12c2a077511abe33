package io.relaybox.platform.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events the services published about some orders, as Kafka holds them: the distinct event ids ({@code id}
 * header) of the records keyed by one of the orders in {@code orders.events}, {@code inventory.events} and
 * {@code payments.events}, from where the topics ended when this was created. What the sinks must hold, each once.
 * (The outbox tables cannot tell: by default a service deletes each outbox row in the transaction that wrote it.)
 */
public final class PublishedEvents implements AutoCloseable {

    /** Per database with an outbox, the replication slot of its outbox connector and the topic it feeds. */
    private record Outbox(String database, String slot, String topic) {
    }

    private static final List<Outbox> OUTBOXES = List.of(new Outbox("orders", "relaybox_orders_outbox", "orders.events"),
            new Outbox("inventory", "relaybox_inventory_outbox", "inventory.events"),
            new Outbox("payment", "relaybox_payment_outbox", "payments.events"));
    private static final Duration POLL = Duration.ofMillis(500);

    private final PlatformDatabases databases;
    private final List<OrderEventsReader> readers = new ArrayList<>();

    /** Remembers where each event topic ends now; only what comes later counts. */
    public PublishedEvents(PlatformDatabases databases, String bootstrapServers) {
        this.databases = databases;
        for (Outbox outbox : OUTBOXES) {
            readers.add(new OrderEventsReader(bootstrapServers, outbox.topic()));
        }
    }

    /**
     * Waits until every outbox connector has confirmed its replication slot past the WAL written so far (so whatever
     * any service committed before this call is in Kafka), then reads the topics to their end.
     *
     * @return the ids of the events about the orders
     * @throws IllegalStateException when the slots or the topics could not be read within the timeout
     */
    public Set<String> ofOrders(Collection<String> orderIds, Duration timeout) throws SQLException, InterruptedException {
        awaitOutboxesInKafka(timeout);
        Set<String> orders = orderIds instanceof Set<String> set ? set : new HashSet<>(orderIds);
        Set<String> ids = new HashSet<>();
        for (OrderEventsReader reader : readers) {
            boolean complete = reader.readToEnd(record -> {
                String id = OrderEventsReader.header(record, "id");
                if (orders.contains(record.key()) && id != null) {
                    ids.add(id);
                }
            }, timeout);
            if (!complete) {
                throw new IllegalStateException("could not read the event topics to their end in " + timeout);
            }
        }
        return ids;
    }

    private void awaitOutboxesInKafka(Duration timeout) throws SQLException, InterruptedException {
        Map<Outbox, String> walPositions = new LinkedHashMap<>();
        for (Outbox outbox : OUTBOXES) {
            // a logical decoding message, like the connectors' heartbeat, gives an idle slot something to confirm
            walPositions.put(outbox, query(outbox.database(),
                    "SELECT pg_logical_emit_message(false, 'relaybox.heartbeat', 'demo')::text"));
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

    @Override
    public void close() {
        readers.forEach(OrderEventsReader::close);
    }
}
