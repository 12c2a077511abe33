package io.relaybox.inventory.events;

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
import io.relaybox.inventory.Inventory;
import io.relaybox.outbox.inbox.InboxEvent;
import tools.jackson.databind.json.JsonMapper;

class StockBatchLocksTest {

    private final Inventory inventory = mock(Inventory.class);
    private final StockBatchLocks locks = new StockBatchLocks(inventory, JsonMapper.shared());

    @Test
    void locksTheSkusOfTheOrdersTheServiceDecidesOnlyAndReleasesInEveryMode() {
        UUID cancelledInMonolithMode = UUID.randomUUID();
        List<InboxEvent> batch = List.of(
                placed("SKU-UNMARKED", null),
                placed("SKU-EVENTS", "events"),
                placed("SKU-SHADOW", "shadow"),
                placed("SKU-MONOLITH", "monolith"),
                placed("SKU-SYNC", "sync"),
                placed("SKU-UNKNOWN-MODE", "legacy"),
                cancelled(cancelledInMonolithMode, "monolith"));

        locks.lock(batch, null);

        verify(inventory).lockStock(argThat(skus -> Set.copyOf(skus).equals(Set.of("SKU-UNMARKED", "SKU-EVENTS", "SKU-SHADOW"))),
                argThat((Collection<UUID> released) -> List.copyOf(released).equals(List.of(cancelledInMonolithMode))));
    }

    private static InboxEvent placed(String sku, String mode) {
        UUID orderId = UUID.randomUUID();
        return event(EventType.ORDER_PLACED, orderId, mode, "{\"orderId\": \"" + orderId + "\", \"lines\": [{\"sku\": \""
                + sku + "\", \"quantity\": 1}]}");
    }

    private static InboxEvent cancelled(UUID orderId, String mode) {
        return event(EventType.ORDER_CANCELLED, orderId, mode, "{\"orderId\": \"" + orderId + "\"}");
    }

    private static InboxEvent event(EventType type, UUID orderId, String mode, String payload) {
        return new InboxEvent(UUID.randomUUID(), type.typeName(), type.currentVersion(), orderId.toString(), null, null,
                mode == null ? Map.of() : Map.of(MigrationHeader.INVENTORY.headerName(), mode), payload);
    }
}
