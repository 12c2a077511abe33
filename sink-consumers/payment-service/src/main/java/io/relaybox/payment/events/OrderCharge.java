package io.relaybox.payment.events;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.payment.Charge;
import io.relaybox.payment.ChargeRules;
import io.relaybox.problem.FieldViolation;

/**
 * What payments capture for an {@code OrderPlaced}: the order's total from its customer, under the rules of the HTTP
 * API. An invalid charge is a permanent failure: the event is dead-lettered with the fields named.
 */
final class OrderCharge {

    private OrderCharge() {
    }

    /** What to capture, valid. */
    static Charge of(InboxEvent event, OrderPayload order) {
        List<FieldViolation> violations = new ArrayList<>();
        Charge charge = ChargeRules.validate(order.customerId(), order.currency(), order.total(), "total", violations);
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + " of order " + event.aggregateId() + ": "
                    + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        return charge;
    }
}
