package io.relaybox.notification.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.relaybox.notification.OrderSummary;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

/**
 * What notifications read of {@code OrderConfirmed} and {@code OrderCancelled} (the monolith's order JSON); the other
 * fields are ignored. Invalid data is a permanent failure: the event is dead-lettered with the field named.
 *
 * @param orderId the order; must equal the record key
 * @param customerId who ordered
 * @param currency the currency of the amounts
 * @param lines what was ordered, at least one
 * @param total the order's total
 * @param cancellationReason why it was cancelled, if it was
 */
record OrderPayload(UUID orderId, String customerId, String currency, List<OrderSummary.Line> lines,
        BigDecimal total, String cancellationReason) {

    /** The order, checked: its id equals the record key, and the customer, currency, lines and total are there. */
    OrderSummary summary(InboxEvent event) {
        List<String> violations = new ArrayList<>();
        if (orderId == null) {
            violations.add("orderId must not be null");
        } else if (!orderId.toString().equalsIgnoreCase(event.aggregateId())) {
            violations.add("orderId " + orderId + " does not match the record key " + event.aggregateId());
        }
        if (customerId == null || customerId.isBlank()) {
            violations.add("customerId must not be blank");
        }
        if (currency == null || currency.isBlank()) {
            violations.add("currency must not be blank");
        }
        if (lines == null || lines.isEmpty()) {
            violations.add("lines must not be empty");
        } else if (lines.stream().anyMatch(line -> line == null || line.sku() == null)) {
            violations.add("lines[].sku must not be null");
        }
        if (total == null) {
            violations.add("total must not be null");
        }
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + String.join("; ", violations));
        }
        return new OrderSummary(orderId, customerId, currency, lines, total, cancellationReason);
    }
}
