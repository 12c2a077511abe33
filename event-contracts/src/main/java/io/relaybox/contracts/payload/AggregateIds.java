package io.relaybox.contracts.payload;

import java.util.UUID;

import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

/** The check every consumer makes: the order a payload names is the record's key. */
final class AggregateIds {

    private AggregateIds() {
    }

    static UUID requireMatching(InboxEvent event, UUID orderId) {
        if (orderId == null) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + ": orderId must not be null");
        }
        if (!orderId.toString().equalsIgnoreCase(event.aggregateId())) {
            throw new PermanentEventFailure(event.type() + " " + event.id() + ": orderId " + orderId
                    + " does not match the record key " + event.aggregateId());
        }
        return orderId;
    }
}
