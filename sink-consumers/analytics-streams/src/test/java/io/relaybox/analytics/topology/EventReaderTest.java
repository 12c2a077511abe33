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

    private static final String ORDER_ID = "01a248ee-b4d8-7014-92f2-ab0e54d0472c";
    private static final String NOW = java.time.Instant.now().toString();

    @Test
    void readsAnOrderWithExactAmountsAndItsLines() {
        OrderFact order = EventReader.order(headers("OrderCancelled", "1", "e1"), "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\","
                + "\"currency\":\"EUR\",\"status\":\"CANCELLED\",\"total\":12.10,\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":2,\"unitPrice\":6.05,"
                + "\"lineTotal\":12.10}],\"placedAt\":\"" + NOW + "\",\"cancelledAt\":\"" + NOW + "\","
                + "\"cancellationReason\":\"inventory rejected: SKU-A\"}").orElseThrow();

        assertThat(order.total()).isEqualTo("12.10");
        assertThat(order.lines()).containsExactly(new OrderFact.Line("SKU-A", 2));
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.outcome()).isEqualTo("CANCELLED: inventory rejected");
    }

    @Test
    void readsAnOrderOfEitherVersionAgainstItsOwnSchema() {
        String v1 = "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"EUR\",\"status\":\"PENDING\",\"total\":2,"
                + "\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":1,\"unitPrice\":2,\"lineTotal\":2}],\"placedAt\":\"" + NOW + "\"}";
        String v2 = v1.replace("\"customerId\":\"c\",", "\"customerId\":\"c\",\"salesChannel\":\"STORE\",");

        assertThat(EventReader.order(headers("OrderPlaced", "1", "e1"), v1).orElseThrow().lines()).hasSize(1);
        assertThat(EventReader.order(headers("OrderPlaced", "2", "e2"), v2).orElseThrow().lines()).hasSize(1);
        assertThatThrownBy(() -> EventReader.order(headers("OrderPlaced", "1", "e3"), v2)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("salesChannel");
    }

    @Test
    void skipsTypesItDoesNotCount() {
        assertThat(EventReader.order(headers("OrderShipped", "1", "e1"), "not even json")).isEmpty();
        assertThat(EventReader.payment(headers("PaymentFailed", "1", "e1"), "{}")).isEmpty();
    }

    @Test
    void refusesAnUnknownVersionAMissingIdAndAPayloadThatBreaksItsContractNamingWhat() {
        String payment = "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"EUR\",\"amount\":3.50}";
        assertThat(EventReader.payment(headers("PaymentRefunded", "1", "e1"), payment).orElseThrow().amount()).isEqualTo("3.50");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentRefunded", "2", "e1"), payment))
                .isInstanceOf(UnreadableEventException.class).hasMessage("no reader for PaymentRefunded v2 (analytics reads v1 to v1)");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentRefunded", "1", null), payment))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("no 'id' header");
        assertThatThrownBy(() -> EventReader.payment(headers("PaymentCaptured", "1", "e1"), payment.replace("\"amount\":3.50", "\"amount\":-1")))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo("schema");
                    assertThat(e.violations()).singleElement().asString().startsWith("/amount: ");
                }).hasMessageStartingWith("PaymentCaptured v1 breaks its contract: /amount: ");
        assertThatThrownBy(() -> EventReader.order(headers("OrderPlaced", "1", "e1"), "{\"orderId\":\"" + ORDER_ID + "\",\"currency\":\"EUR\",\"total\":1}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("required property 'lines' not found");
    }

    @Test
    void groupsCancellationReasonsByKindWithoutTheirDetails() {
        assertThat(OrderFact.reasonKind("inventory rejected: SKU-A short by 3")).isEqualTo("inventory rejected");
        assertThat(OrderFact.reasonKind("payment failed: UNKNOWN_CUSTOMER (customer-190)")).isEqualTo("payment failed: UNKNOWN_CUSTOMER");
        assertThat(OrderFact.reasonKind("changed my mind")).isEqualTo("changed my mind");
        assertThat(OrderFact.reasonKind(null)).isEqualTo("no reason given");
    }
}
