package io.relaybox.payment.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.payment.Charge;
import io.relaybox.payment.ChargeRules;
import io.relaybox.problem.FieldViolation;

/**
 * What payments read of {@code OrderPlaced} and {@code OrderCancelled} (the monolith's order JSON); the other fields
 * are ignored. Invalid data is a permanent failure: the event is dead-lettered with the field named.
 *
 * @param orderId the order; must equal the record key
 * @param customerId who pays
 * @param currency the total's currency
 * @param total what to capture
 */
record OrderPayload(UUID orderId, String customerId, String currency, BigDecimal total) {

    /** The order id, checked against the record key (the aggregate id). */
    UUID orderId(InboxEvent event) {
        if (orderId == null) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + ": orderId must not be null");
        }
        if (!orderId.toString().equalsIgnoreCase(event.aggregateId())) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + ": orderId " + orderId
                    + " does not match the record key " + event.aggregateId());
        }
        return orderId;
    }

    /** What to capture, valid. */
    Charge charge(InboxEvent event) {
        List<FieldViolation> violations = new ArrayList<>();
        Charge charge = ChargeRules.validate(customerId, currency, total, "total", violations);
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        return charge;
    }
}
