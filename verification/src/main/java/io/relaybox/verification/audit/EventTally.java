package io.relaybox.verification.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the events that arrived for a known set of orders: how many distinct events of a type, how many copies
 * beyond the first, and which orders have none yet.
 */
public final class EventTally {

    private final String eventType;
    private final Set<String> expectedOrders;
    private final Map<String, Integer> copiesByEventId = new HashMap<>();
    private final Map<String, Set<String>> eventIdsByOrder = new HashMap<>();
    private long records;

    /**
     * @param eventType the event type that counts, e.g. {@code OrderPlaced}
     * @param expectedOrders ids of the orders whose events count; others are ignored
     */
    public EventTally(String eventType, Set<String> expectedOrders) {
        this.eventType = eventType;
        this.expectedOrders = Set.copyOf(expectedOrders);
    }

    /** Counts one record; records of other types or of unknown orders are ignored. */
    public synchronized void add(String orderId, String type, String eventId) {
        if (!eventType.equals(type) || !expectedOrders.contains(orderId)) {
            return;
        }
        records++;
        copiesByEventId.merge(eventId, 1, Integer::sum);
        eventIdsByOrder.computeIfAbsent(orderId, k -> new HashSet<>()).add(eventId);
    }

    /** Distinct events received. */
    public synchronized long events() {
        return copiesByEventId.size();
    }

    /** Records beyond one per order: redelivered copies and second events for the same order. */
    public synchronized long duplicates() {
        return records - eventIdsByOrder.size();
    }

    /** Orders without any event yet. */
    public synchronized long missing() {
        return expectedOrders.size() - eventIdsByOrder.size();
    }

    public synchronized boolean isComplete() {
        return missing() == 0;
    }
}
