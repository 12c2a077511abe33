package io.relaybox.inventory.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.relaybox.inventory.RequestedLine;
import io.relaybox.inventory.RequestedLines;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.problem.FieldViolation;

/**
 * What the inventory reads of {@code OrderPlaced} and {@code OrderCancelled} (the monolith's order JSON); the other
 * fields are ignored. Invalid data is a permanent failure: the event is dead-lettered with the field named.
 *
 * @param orderId the order; must equal the record key
 * @param lines the order's lines; only {@code sku} and {@code quantity} are read
 */
record OrderPayload(UUID orderId, List<RequestedLine> lines) {

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

    /** The lines to reserve, every one valid. */
    List<SkuQuantity> reservationLines(InboxEvent event) {
        List<FieldViolation> violations = new ArrayList<>();
        List<SkuQuantity> valid = RequestedLines.validate(lines, violations);
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        return valid;
    }
}
