package io.relaybox.payment.events;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.relaybox.contracts.MigrationHeader;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.inbox.BatchLocks;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.payment.AccountKey;
import io.relaybox.payment.Payments;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before a batch of {@code orders.events} is applied, locks in customer and currency order the account rows its
 * events will lock: the account each {@code OrderPlaced} the service decides charges (not those the monolith decided,
 * see {@link MigrationHeader}) and the one each {@code OrderCancelled}'s payment was charged to. Both instances share
 * every customer, so their batches queue for the account rows instead of deadlocking on them. An event whose payload
 * or migration header cannot be read adds nothing: its handler dead-letters it.
 */
final class AccountBatchLocks implements BatchLocks {

    private final Payments payments;
    private final JsonMapper jsonMapper;

    AccountBatchLocks(Payments payments, JsonMapper jsonMapper) {
        this.payments = payments;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void lock(List<InboxEvent> events, Connection connection) {
        Set<AccountKey> charged = new HashSet<>();
        List<UUID> refunded = new ArrayList<>();
        for (InboxEvent event : events) {
            // every version its handlers read after upcasting; the fields read here are the same in all of them
            if (EventUpcasters.toCurrentVersions().handledVersion(event.type(), event.schemaVersion()) != OrderEventsConsumer.SCHEMA_VERSION) {
                continue;
            }
            if (OrderEventsConsumer.ORDER_PLACED.equals(event.type())) {
                if (MigrationHeader.PAYMENT.serviceDecides(event)) {
                    account(event).ifPresent(charged::add);
                }
            } else if (OrderEventsConsumer.ORDER_CANCELLED.equals(event.type())) {
                orderId(event.aggregateId()).ifPresent(refunded::add);
            }
        }
        payments.lockAccounts(charged, refunded);
    }

    private Optional<AccountKey> account(InboxEvent event) {
        try {
            OrderPayload order = jsonMapper.readValue(event.payload(), OrderPayload.class);
            return order.customerId() == null || order.currency() == null ? Optional.empty()
                    : Optional.of(new AccountKey(order.customerId(), order.currency()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> orderId(String aggregateId) {
        try {
            return Optional.of(UUID.fromString(aggregateId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
