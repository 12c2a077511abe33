package io.relaybox.notification.events;

import java.util.ArrayList;
import java.util.List;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.notification.OrderSummary;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

/**
 * What notifications read of {@code OrderConfirmed} and {@code OrderCancelled}: the order's summary for the e-mail.
 * Invalid data is a permanent failure: the event is dead-lettered with the fields named.
 */
final class ReceivedOrder {

    private ReceivedOrder() {
    }

    /** The order, checked: its id equals the record key, and the customer, currency, lines and total are there. */
    static OrderSummary summary(InboxEvent event, OrderPayload order) {
        List<String> violations = new ArrayList<>();
        if (order.orderId() == null) {
            violations.add("orderId must not be null");
        } else if (!order.orderId().toString().equalsIgnoreCase(event.aggregateId())) {
            violations.add("orderId " + order.orderId() + " does not match the record key " + event.aggregateId());
        }
        if (order.customerId() == null || order.customerId().isBlank()) {
            violations.add("customerId must not be blank");
        }
        if (order.currency() == null || order.currency().isBlank()) {
            violations.add("currency must not be blank");
        }
        if (order.lines() == null || order.lines().isEmpty()) {
            violations.add("lines must not be empty");
        } else if (order.lines().stream().anyMatch(line -> line == null || line.sku() == null)) {
            violations.add("lines[].sku must not be null");
        }
        if (order.total() == null) {
            violations.add("total must not be null");
        }
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + String.join("; ", violations));
        }
        List<OrderSummary.Line> lines = order.lines().stream()
                .map(line -> new OrderSummary.Line(line.sku(), line.quantity(), line.unitPrice(), line.lineTotal())).toList();
        return new OrderSummary(order.orderId(), order.customerId(), order.currency(), lines, order.total(), order.cancellationReason());
    }
}
