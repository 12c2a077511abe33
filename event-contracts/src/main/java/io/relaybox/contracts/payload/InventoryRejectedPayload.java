package io.relaybox.contracts.payload;

import java.util.List;
import java.util.UUID;

import io.relaybox.outbox.inbox.InboxEvent;

/**
 * The payload of {@code InventoryRejected} (schema version 1): an order could not be reserved, all or nothing.
 *
 * @param orderId the order, also the record key
 * @param shortSkus the SKUs that were short, at least one
 */
public record InventoryRejectedPayload(UUID orderId, List<ShortSku> shortSkus) {

    /**
     * One SKU there was not enough of.
     *
     * @param sku the stock keeping unit
     * @param requested how many units the order asked for
     * @param available how many were free
     */
    public record ShortSku(String sku, int requested, int available) {
    }

    /** The order id, checked against the record key (a mismatch or none is a permanent failure). */
    public UUID orderIdMatching(InboxEvent event) {
        return AggregateIds.requireMatching(event, orderId);
    }
}
