package io.relaybox.inventory.events;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.inventory.RequestedLine;
import io.relaybox.inventory.RequestedLines;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.problem.FieldViolation;

/**
 * What the inventory reserves for an {@code OrderPlaced}: the order's lines, by SKU and quantity, under the rules of
 * the HTTP API. Invalid lines are a permanent failure: the event is dead-lettered with the fields named.
 */
final class OrderedLines {

    private OrderedLines() {
    }

    /** The lines to reserve, every one valid. */
    static List<SkuQuantity> toReserve(InboxEvent event, OrderPayload order) {
        List<RequestedLine> requested = order.lines() == null ? null
                : order.lines().stream().map(line -> line == null ? null : new RequestedLine(line.sku(), line.quantity())).toList();
        List<FieldViolation> violations = new ArrayList<>();
        List<SkuQuantity> valid = RequestedLines.validate(requested, violations);
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        return valid;
    }
}
