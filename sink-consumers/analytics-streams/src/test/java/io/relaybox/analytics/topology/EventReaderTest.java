package io.relaybox.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private static RecordHeaders headers(String type, String version, String id) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) {
            headers.add("id", id.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("schemaversion", version.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void readsAnOrderWithExactAmountsAndItsLines() {
        OrderFact order = EventReader.order(headers("OrderCancelled", "1", "e1"), "{\"orderId\":\"o1\",\"currency\":\"EUR\",\"total\":12.10,"
                + "\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":2}],\"cancellationReason\":\"inventory rejected: SKU-A\"}").orElseThrow();

        assertThat(order.total()).isEqualTo("12.10");
        assertThat(order.lines()).containsExactly(new OrderFact.Line("SKU-A", 2));
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.outcome()).isEqualTo("CANCELLED: inventory rejected");
    }

    @Test
    void skipsTypesItDoesNotCount() {
        assertThat(EventReader.order(headers("OrderShipped", "1", "e1"), "not even json")).isEmpty();
        assertThat(EventReader.payment(headers("PaymentFailed", "1", "e1"), "{}")).isEmpty();
    }

    @Test
    void refusesAnUnknownVersionAMissingIdAndAMissingFieldNamingWhat() {
        String payment = "{\"orderId\":\"o1\",\"currency\":\"EUR\",\"amount\":\"3.50\"}";
        assertThat(EventReader.payment(headers("PaymentRefunded", "1", "e1"), payment).orElseThrow().amount()).isEqualTo("3.50");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentRefunded", "2", "e1"), payment))
                .isInstanceOf(UnreadableEventException.class).hasMessage("no reader for PaymentRefunded v2 (analytics reads v1)");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentRefunded", "1", null), payment))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("no 'id' header");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentCaptured", "1", "e1"), payment.replace("\"amount\":\"3.50\"", "\"amount\":-1")))
                .isInstanceOf(UnreadableEventException.class).hasMessage("PaymentCaptured has a negative 'amount': -1");
        assertThatThrownBy(() -> EventReader.order(headers("OrderPlaced", "1", "e1"), "{\"orderId\":\"o1\",\"currency\":\"EUR\",\"total\":1}"))
                .isInstanceOf(UnreadableEventException.class).hasMessage("OrderPlaced lacks 'lines'");
    }

    @Test
    void groupsCancellationReasonsByKindWithoutTheirDetails() {
        assertThat(OrderFact.reasonKind("inventory rejected: SKU-A short by 3")).isEqualTo("inventory rejected");
        assertThat(OrderFact.reasonKind("payment failed: UNKNOWN_CUSTOMER (customer-190)")).isEqualTo("payment failed: UNKNOWN_CUSTOMER");
        assertThat(OrderFact.reasonKind("changed my mind")).isEqualTo("changed my mind");
        assertThat(OrderFact.reasonKind(null)).isEqualTo("no reason given");
    }
}
