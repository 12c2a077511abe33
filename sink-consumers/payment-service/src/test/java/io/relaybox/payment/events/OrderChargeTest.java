package io.relaybox.payment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.payment.Charge;
import tools.jackson.databind.json.JsonMapper;

class OrderChargeTest {

    private static final UUID ORDER = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");

    @Test
    void readsTheChargeOfTheMonolithsOrderJson() {
        OrderPayload payload = JsonMapper.shared().readValue("""
                {"orderId": "01a21234-0a4b-7000-8000-000000000001", "customerId": "customer-042", "currency": "USD",
                 "status": "PENDING", "total": 32.49, "placedAt": "2026-11-25T10:15:30.123456Z",
                 "lines": [{"sku": "SKU-A", "quantity": 3, "unitPrice": 10.50, "lineTotal": 31.50},
                           {"sku": "SKU-B", "quantity": 1, "unitPrice": 0.99, "lineTotal": 0.99}]}""",
                OrderPayload.class);
        InboxEvent event = event(ORDER.toString());

        assertThat(payload.orderIdMatching(event)).isEqualTo(ORDER);
        assertThat(OrderCharge.of(event, payload)).isEqualTo(new Charge("customer-042", "USD", new BigDecimal("32.49")));
    }

    @Test
    void rejectsAnOrderIdThatDiffersFromTheRecordKey() {
        OrderPayload payload = order("c-1", "EUR", BigDecimal.ONE);

        assertThatThrownBy(() -> payload.orderIdMatching(event(UUID.randomUUID().toString())))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("does not match the record key");
    }

    @Test
    void rejectsAnInvalidChargeNamingTheFields() {
        OrderPayload payload = order("", "XYZ", new BigDecimal("-1"));

        assertThatThrownBy(() -> OrderCharge.of(event(ORDER.toString()), payload))
                .isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("customerId must not be blank")
                .hasMessageContaining("currency must be an ISO 4217 currency code")
                .hasMessageContaining("total must be greater than or equal to 0");
    }

    private static OrderPayload order(String customerId, String currency, BigDecimal total) {
        return new OrderPayload(ORDER, customerId, null, currency, "PENDING",
                List.of(new OrderPayload.Line("SKU-A", 1, total, total)), total, null, null, null, null, null, null);
    }

    private static InboxEvent event(String key) {
        return InboxEvent.of(UUID.randomUUID(), "OrderPlaced", key, "{}");
    }
}
