package io.relaybox.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.notification.OrderSummary;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

class ReceivedOrderTest {

    private static final UUID ORDER_ID = UUID.randomUUID();
    private static final InboxEvent EVENT = InboxEvent.of(UUID.randomUUID(), "OrderConfirmed", ORDER_ID.toString(), "{}");
    private static final List<OrderPayload.Line> LINES = List.of(new OrderPayload.Line("SKU-APPLE", 1, new BigDecimal("1.25"),
            new BigDecimal("1.25")));

    @Test
    void readsAValidOrder() {
        OrderSummary order = ReceivedOrder.summary(EVENT, order(ORDER_ID, "customer-001", "EUR", LINES, new BigDecimal("1.25")));

        assertThat(order.orderId()).isEqualTo(ORDER_ID);
        assertThat(order.lines()).containsExactly(new OrderSummary.Line("SKU-APPLE", 1, new BigDecimal("1.25"), new BigDecimal("1.25")));
    }

    @Test
    void namesEveryMissingField() {
        assertThatThrownBy(() -> ReceivedOrder.summary(EVENT, order(ORDER_ID, " ", null, List.of(), null)))
                .isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("customerId must not be blank").hasMessageContaining("currency must not be blank")
                .hasMessageContaining("lines must not be empty").hasMessageContaining("total must not be null");
    }

    @Test
    void refusesAnOrderIdThatIsNotTheRecordKey() {
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> ReceivedOrder.summary(EVENT, order(other, "customer-001", "EUR", LINES, BigDecimal.ONE)))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("does not match the record key");
    }

    private static OrderPayload order(UUID orderId, String customerId, String currency, List<OrderPayload.Line> lines, BigDecimal total) {
        return new OrderPayload(orderId, customerId, "WEB", currency, "CONFIRMED", lines, total, null, null, null, null, null, null);
    }
}
