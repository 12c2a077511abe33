package io.relaybox.inventory.events;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.relaybox.contracts.MigrationHeader;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.inventory.Inventory;
import io.relaybox.outbox.inbox.BatchLocks;
import io.relaybox.outbox.inbox.InboxEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before a batch of {@code orders.events} is applied, locks in SKU order the stock rows its events will lock: the SKUs
 * of each {@code OrderPlaced} the service decides (not those the monolith decided, see {@link MigrationHeader}) and
 * those held by the reservation of each {@code OrderCancelled}. Both instances share every SKU, so their batches queue
 * for the stock rows instead of deadlocking on them. An event whose payload or migration header cannot be read adds
 * nothing: its handler dead-letters it.
 */
final class StockBatchLocks implements BatchLocks {

    private final Inventory inventory;
    private final JsonMapper jsonMapper;

    StockBatchLocks(Inventory inventory, JsonMapper jsonMapper) {
        this.inventory = inventory;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void lock(List<InboxEvent> events, Connection connection) {
        Set<String> requested = new HashSet<>();
        List<UUID> released = new ArrayList<>();
        for (InboxEvent event : events) {
            // every version its handlers read after upcasting; the fields read here are the same in all of them
            if (EventUpcasters.toCurrentVersions().handledVersion(event.type(), event.schemaVersion()) != OrderEventsConsumer.SCHEMA_VERSION) {
                continue;
            }
            if (OrderEventsConsumer.ORDER_PLACED.equals(event.type())) {
                if (MigrationHeader.INVENTORY.serviceDecides(event)) {
                    requested.addAll(skus(event));
                }
            } else if (OrderEventsConsumer.ORDER_CANCELLED.equals(event.type())) {
                orderId(event.aggregateId()).ifPresent(released::add);
            }
        }
        inventory.lockStock(requested, released);
    }

    private Set<String> skus(InboxEvent event) {
        try {
            OrderPayload order = jsonMapper.readValue(event.payload(), OrderPayload.class);
            Set<String> skus = new HashSet<>();
            if (order.lines() != null) {
                order.lines().stream().filter(Objects::nonNull).map(OrderPayload.Line::sku).filter(Objects::nonNull).forEach(skus::add);
            }
            return skus;
        } catch (JacksonException e) {
            return Set.of();
        }
    }

    private static Optional<UUID> orderId(String aggregateId) {
        try {
            return Optional.of(UUID.fromString(aggregateId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
