package io.relaybox.inventory.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import tools.jackson.databind.json.JsonMapper;

class OrderedLinesTest {

    private static final UUID ORDER = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");

    @Test
    void readsTheOrderIdAndLinesOfTheMonolithsOrderJson() {
        OrderPayload payload = JsonMapper.shared().readValue("""
                {"orderId": "01a21234-0a4b-7000-8000-000000000001", "customerId": "c-1", "currency": "EUR",
                 "status": "PENDING", "total": 3.50, "placedAt": "2026-11-25T10:15:30.123456Z",
                 "lines": [{"sku": "SKU-A", "quantity": 2, "unitPrice": 1.25, "lineTotal": 2.50},
                           {"sku": "SKU-B", "quantity": 1, "unitPrice": 1.00, "lineTotal": 1.00}]}""",
                OrderPayload.class);
        InboxEvent event = event(ORDER.toString());

        assertThat(payload.orderIdMatching(event)).isEqualTo(ORDER);
        assertThat(OrderedLines.toReserve(event, payload)).containsExactly(new SkuQuantity("SKU-A", 2), new SkuQuantity("SKU-B", 1));
    }

    @Test
    void rejectsAnOrderIdThatDiffersFromTheRecordKey() {
        OrderPayload payload = order(ORDER, List.of(line("SKU-A", 1)));

        assertThatThrownBy(() -> payload.orderIdMatching(event(UUID.randomUUID().toString())))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("does not match the record key");
    }

    @Test
    void rejectsAMissingOrderId() {
        assertThatThrownBy(() -> order(null, List.of()).orderIdMatching(event(ORDER.toString())))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("orderId must not be null");
    }

    @Test
    void rejectsInvalidLinesNamingTheFields() {
        OrderPayload payload = order(ORDER, List.of(line("SKU-A", 0), line(null, 1)));

        assertThatThrownBy(() -> OrderedLines.toReserve(event(ORDER.toString()), payload))
                .isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("lines[0].quantity must be greater than 0")
                .hasMessageContaining("lines[1].sku must not be blank");
    }

    private static OrderPayload order(UUID orderId, List<OrderPayload.Line> lines) {
        return new OrderPayload(orderId, "c-1", null, "EUR", "PENDING", lines, BigDecimal.ONE, null, null, null, null, null, null);
    }

    private static OrderPayload.Line line(String sku, int quantity) {
        return new OrderPayload.Line(sku, quantity, BigDecimal.ONE, BigDecimal.valueOf(quantity));
    }

    private static InboxEvent event(String key) {
        return InboxEvent.of(UUID.randomUUID(), "OrderPlaced", key, "{}");
    }
}
