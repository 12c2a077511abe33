package io.relaybox.verification.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events the services published about some orders, as Kafka holds them: the distinct event ids ({@code id}
 * header) of the records keyed by one of the orders in every event topic of the topology, from where the topics ended when this was created. What the sinks must hold, each once.
 * (The outbox tables cannot tell: by default a service deletes each outbox row in the transaction that wrote it.)
 */
public final class PublishedEvents implements AutoCloseable {

    private final OutboxSlots slots;
    private final List<OrderEventsReader> readers = new ArrayList<>();

    /** Remembers where each event topic ends now; only what comes later counts. */
    public PublishedEvents(PlatformDatabases databases, String bootstrapServers) {
        this.slots = new OutboxSlots(databases);
        for (OutboxSlots.Outbox outbox : OutboxSlots.OUTBOXES) {
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
        slots.awaitConfirmedNow(timeout);
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

    @Override
    public void close() {
        readers.forEach(OrderEventsReader::close);
    }
}
