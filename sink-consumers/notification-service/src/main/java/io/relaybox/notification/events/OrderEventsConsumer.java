package io.relaybox.notification.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relaybox.contracts.EventType;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.notification.Notifications;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler of {@code orders.events} (schema version 1): {@code OrderConfirmed} and {@code OrderCancelled} each
 * record the customer's e-mail. The inbox runs it in the transaction that records the event, so the e-mail and the
 * record commit together and the e-mail is delivered after; {@code OrderPlaced} asks for no e-mail, any other type or
 * version is dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

    static final String ORDER_CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();
    /**
     * The version of the order events the handlers read: the current one; every older version is rewritten into it
     * first ({@link EventUpcasters}), after its payload was checked against the schema it was written with.
     */
    static final int SCHEMA_VERSION = EventType.ORDER_PLACED.currentVersion();

    @Bean
    EventHandler orderEventHandler(Notifications notifications, JsonMapper jsonMapper) {
        return EventHandlers.builder()
                .jsonMapper(jsonMapper)
                .upcaster(EventUpcasters.toCurrentVersions())
                .on(ORDER_CONFIRMED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) ->
                        notifications.orderChanged(event.id(), event.type(), ReceivedOrder.summary(event, order)))
                .on(ORDER_CANCELLED, SCHEMA_VERSION, OrderPayload.class, (event, order, connection) ->
                        notifications.orderChanged(event.id(), event.type(), ReceivedOrder.summary(event, order)))
                // an order placed is not news to the customer yet: the e-mail comes with its outcome
                .ignore(EventType.ORDER_PLACED.typeName())
                .build();
    }
}
