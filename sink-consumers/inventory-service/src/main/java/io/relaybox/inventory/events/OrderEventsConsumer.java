package io.relaybox.inventory.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relaybox.contracts.MigrationHeader;
import io.relaybox.contracts.EventType;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.inventory.Inventory;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler of {@code orders.events} (schema version 1): {@code OrderPlaced} reserves, {@code OrderCancelled}
 * releases. The inbox runs it in the transaction that records the event, so the reservation, its outcome event and
 * the record commit together; any other type or version is dead-lettered.
 *
 * <p>While the inventory moves out of the monolith, each event says who decides ({@link MigrationHeader}): an
 * {@code OrderPlaced} marked {@code monolith} or {@code sync} was decided by the monolith (in-process, or by its call
 * of {@code POST /reservations/{orderId}}), so the inbox only records it. {@code OrderCancelled} releases in every
 * mode: what the service holds for the order (by the event, the HTTP call or a state transfer) goes back once.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

    static final String ORDER_PLACED = EventType.ORDER_PLACED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();
    /**
     * The version of the order events the handlers read: the current one; every older version is rewritten into it
     * first ({@link EventUpcasters}), after its payload was checked against the schema it was written with.
     */
    static final int SCHEMA_VERSION = EventType.ORDER_PLACED.currentVersion();

    @Bean
    EventHandler orderEventHandler(Inventory inventory, JsonMapper jsonMapper) {
        return EventHandlers.builder()
                .jsonMapper(jsonMapper)
                .upcaster(EventUpcasters.toCurrentVersions())
                .on(ORDER_PLACED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) -> {
                    if (MigrationHeader.INVENTORY.mode(event).serviceDecides()) {
                        inventory.reserve(order.orderIdMatching(event), OrderedLines.toReserve(event, order));
                    }
                })
                .on(ORDER_CANCELLED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) ->
                        inventory.release(order.orderIdMatching(event)))
                // the saga's confirmation changes nothing here: the reservation/charge stays as it is
                .ignore(EventType.ORDER_CONFIRMED.typeName())
                // a batch locks its stock rows in SKU order first: both instances' batches share every SKU
                .beforeBatch(new StockBatchLocks(inventory, jsonMapper))
                .build();
    }
}
