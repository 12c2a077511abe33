package io.relaybox.order.saga;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relaybox.contracts.EventType;
import io.relaybox.contracts.payload.InventoryLinesPayload;
import io.relaybox.contracts.payload.InventoryRejectedPayload;
import io.relaybox.contracts.payload.PaymentFailedPayload;
import io.relaybox.contracts.payload.PaymentPayload;
import io.relaybox.order.OrderNotFoundException;
import io.relaybox.order.OrderSaga;
import io.relaybox.order.SagaReport;
import io.relaybox.order.migration.ServiceAnswer;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlers;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what inventory and payment report to the orders, through the inbox (consumer {@code order-monolith}):
 * each report once, in the transaction of the order's change and of the events it publishes. The consumer itself
 * (topics {@code outbox.inbox.topics}) is auto-configured by outbox-inbox-spring-boot-starter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "outbox.inbox.consumer-enabled", matchIfMissing = true)
class SagaEventHandler {

    /** The version of the inventory and payment events it reads: the one their services write now. */
    private static final int VERSION = EventType.INVENTORY_RESERVED.currentVersion();

    @Bean
    EventHandler sagaEvents(OrderSaga saga, JsonMapper jsonMapper) {
        return EventHandlers.builder()
                .jsonMapper(jsonMapper)
                .on(EventType.INVENTORY_RESERVED.typeName(), VERSION, InventoryLinesPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.INVENTORY_RESERVED, null, ServiceAnswers.reserved()))
                .on(EventType.INVENTORY_REJECTED.typeName(), VERSION, InventoryRejectedPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.INVENTORY_REJECTED, SagaReasons.rejected(report),
                                ServiceAnswers.rejected(report)))
                .on(EventType.INVENTORY_RELEASED.typeName(), VERSION, InventoryLinesPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.INVENTORY_RELEASED, null, ServiceAnswers.compensation()))
                .on(EventType.PAYMENT_CAPTURED.typeName(), VERSION, PaymentPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.PAYMENT_CAPTURED, null, ServiceAnswers.captured(report)))
                .on(EventType.PAYMENT_FAILED.typeName(), VERSION, PaymentFailedPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.PAYMENT_FAILED, SagaReasons.failed(report),
                                ServiceAnswers.failed(report)))
                .on(EventType.PAYMENT_REFUNDED.typeName(), VERSION, PaymentPayload.class, (event, report, connection) ->
                        apply(saga, report.orderIdMatching(event), SagaReport.PAYMENT_REFUNDED, null, ServiceAnswers.compensation()))
                .build();
    }

    private static void apply(OrderSaga saga, UUID orderId, SagaReport report, String reason, ServiceAnswer answer) {
        try {
            saga.receive(orderId, report, reason, answer);
        } catch (OrderNotFoundException e) {
            // a report about an order this monolith never placed will not become applicable by retrying
            throw new PermanentEventFailure(report + " for an unknown order: " + e.getMessage());
        }
    }
}
