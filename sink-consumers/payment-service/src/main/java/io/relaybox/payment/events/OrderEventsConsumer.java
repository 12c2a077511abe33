package io.relaybox.payment.events;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relaybox.contracts.MigrationHeader;
import io.relaybox.contracts.EventType;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlers;
import io.relaybox.payment.Charge;
import io.relaybox.payment.Payments;
import io.relaybox.payment.faults.FaultInjector;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler of {@code orders.events} (schema version 1): {@code OrderPlaced} captures the total,
 * {@code OrderCancelled} refunds it. The inbox runs it in the transaction that records the event, so the payment, its
 * outcome event and the record commit together; any other type or version is dead-lettered.
 *
 * <p>While payments move out of the monolith, each event says who decides ({@link MigrationHeader}): an
 * {@code OrderPlaced} marked {@code monolith} or {@code sync} was decided by the monolith (in-process, or by its call
 * of {@code POST /payments/{orderId}/capture}), so the inbox only records it. {@code OrderCancelled} refunds in every
 * mode: what the service captured for the order (by the event, the HTTP call or a state transfer) goes back once.
 *
 * <p>With {@code relaybox.faults.enabled=true} an {@code OrderPlaced} the service decides first passes the
 * {@link FaultInjector}, as the HTTP capture does: it may wait, or fail transiently, and the inbox retries the event.
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

    /** @param faults present only when faults may be injected (a benchmark's setting) */
    @Bean
    EventHandler orderEventHandler(Payments payments, JsonMapper jsonMapper, Optional<FaultInjector> faults) {
        return EventHandlers.builder()
                .jsonMapper(jsonMapper)
                .upcaster(EventUpcasters.toCurrentVersions())
                .on(ORDER_PLACED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) -> {
                    if (MigrationHeader.PAYMENT.mode(event).serviceDecides()) {
                        UUID orderId = order.orderIdMatching(event);
                        Charge charge = OrderCharge.of(event, order);
                        // after the event's own checks (an invalid event stays a permanent failure); an InjectedFault
                        // is transient: the transaction rolls back and the inbox retries the event
                        faults.ifPresent(FaultInjector::beforeCapture);
                        payments.capture(orderId, charge);
                    }
                })
                .on(ORDER_CANCELLED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) ->
                        payments.refund(order.orderIdMatching(event)))
                // the saga's confirmation changes nothing here: the reservation/charge stays as it is
                .ignore(EventType.ORDER_CONFIRMED.typeName())
                // a batch locks its account rows in customer order first: both instances' batches share customers
                .beforeBatch(new AccountBatchLocks(payments, jsonMapper))
                .build();
    }
}
