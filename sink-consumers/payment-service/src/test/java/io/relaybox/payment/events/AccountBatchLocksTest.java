package io.relaybox.payment.events;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.MigrationHeader;
import io.relaybox.contracts.EventType;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.payment.AccountKey;
import io.relaybox.payment.Payments;
import tools.jackson.databind.json.JsonMapper;

class AccountBatchLocksTest {

    private final Payments payments = mock(Payments.class);
    private final AccountBatchLocks locks = new AccountBatchLocks(payments, JsonMapper.shared());

    @Test
    void locksTheAccountsOfTheOrdersTheServiceDecidesOnlyAndRefundsInEveryMode() {
        UUID cancelledInMonolithMode = UUID.randomUUID();
        List<InboxEvent> batch = List.of(
                placed("customer-unmarked", null),
                placed("customer-events", "events"),
                placed("customer-shadow", "shadow"),
                placed("customer-monolith", "monolith"),
                placed("customer-sync", "sync"),
                placed("customer-unknown-mode", "legacy"),
                cancelled(cancelledInMonolithMode, "monolith"));

        locks.lock(batch, null);

        verify(payments).lockAccounts(argThat(keys -> Set.copyOf(keys).equals(Set.of(new AccountKey("customer-unmarked", "EUR"),
                new AccountKey("customer-events", "EUR"), new AccountKey("customer-shadow", "EUR")))),
                argThat((Collection<UUID> refunded) -> List.copyOf(refunded).equals(List.of(cancelledInMonolithMode))));
    }

    private static InboxEvent placed(String customerId, String mode) {
        UUID orderId = UUID.randomUUID();
        return event(EventType.ORDER_PLACED, orderId, mode, "{\"orderId\": \"" + orderId + "\", \"customerId\": \""
                + customerId + "\", \"currency\": \"EUR\", \"total\": 1.00}");
    }

    private static InboxEvent cancelled(UUID orderId, String mode) {
        return event(EventType.ORDER_CANCELLED, orderId, mode, "{\"orderId\": \"" + orderId + "\"}");
    }

    private static InboxEvent event(EventType type, UUID orderId, String mode, String payload) {
        return new InboxEvent(UUID.randomUUID(), type.typeName(), type.currentVersion(), orderId.toString(), null, null,
                mode == null ? Map.of() : Map.of(MigrationHeader.PAYMENT.headerName(), mode), payload);
    }
}
