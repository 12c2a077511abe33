package io.relaybox.contracts.payload;

import java.util.List;
import java.util.UUID;

import io.relaybox.outbox.inbox.InboxEvent;

/**
 * The payload of {@code InventoryReserved} and {@code InventoryReleased} (schema version 1): the units held or given
 * back, per SKU.
 *
 * @param orderId the order, also the record key
 * @param lines per SKU, how many units
 */
public record InventoryLinesPayload(UUID orderId, List<Line> lines) {

    /**
     * The units of one SKU.
     *
     * @param sku the stock keeping unit
     * @param quantity how many units
     */
    public record Line(String sku, int quantity) {
    }

    /** The order id, checked against the record key (a mismatch or none is a permanent failure). */
    public UUID orderIdMatching(InboxEvent event) {
        return AggregateIds.requireMatching(event, orderId);
    }
}
