package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String ORDER_ID = "01a248ee-b4d8-7014-92f2-ab0e54d0472c";
    private static final String PLACED = "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"customer-007\",\"currency\":\"KWD\","
            + "\"status\":\"PENDING\",\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":3,\"unitPrice\":1.255,\"lineTotal\":3.765}],"
            + "\"total\":3.765,\"placedAt\":\"2026-12-06T01:59:00.123456Z\"}";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void hasASchemaForEveryVersionOfEveryEventType(EventType type) {
        for (int version = 1; version <= type.currentVersion(); version++) {
            assertThat(EventSchemas.exists(type.typeName(), version)).as("%s", EventSchemas.resource(type.typeName(), version)).isTrue();
        }
        assertThat(EventSchemas.exists(type.typeName(), type.currentVersion() + 1)).isFalse();
    }

    @Test
    void hasNoSchemaFolderForATypeThePlatformDoesNotPublish() throws IOException, URISyntaxException {
        Path schemas = Path.of(EventSchemas.class.getClassLoader().getResource("schemas").toURI());
        try (Stream<Path> folders = Files.list(schemas)) {
            assertThat(folders.map(folder -> folder.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::typeName).toList());
        }
    }

    @Test
    void acceptsEveryKindOfEventAsThePlatformWritesIt() {
        assertValid("OrderPlaced", PLACED);
        assertValid("OrderConfirmed", PLACED.replace("PENDING", "CONFIRMED")
                .replaceFirst("\\}$", ",\"inventoryStatus\":\"RESERVED\",\"paymentStatus\":\"CAPTURED\",\"confirmedAt\":\"2026-12-06T01:59:01Z\"}"));
        assertValid("OrderCancelled", PLACED.replace("PENDING", "CANCELLED")
                .replaceFirst("\\}$", ",\"cancelledAt\":\"2026-12-06T01:59:01Z\",\"cancellationReason\":\"cancelled on request\"}"));
        assertValid("InventoryReserved", "{\"orderId\":\"" + ORDER_ID + "\",\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":3}]}");
        assertValid("InventoryReleased", "{\"orderId\":\"" + ORDER_ID + "\",\"lines\":[]}");
        assertValid("InventoryRejected", "{\"orderId\":\"" + ORDER_ID + "\",\"shortSkus\":[{\"sku\":\"SKU-APPLE\",\"requested\":3,\"available\":0}]}");
        assertValid("PaymentCaptured", "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"JPY\",\"amount\":4500}");
        assertValid("PaymentRefunded", "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"EUR\",\"amount\":12.50}");
        assertValid("PaymentFailed", "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"EUR\",\"amount\":12.50,"
                + "\"reason\":\"INSUFFICIENT_FUNDS\"}");
    }

    @Test
    void namesWhereAnInvalidPayloadIsWrong() {
        assertThat(violations("OrderPlaced", PLACED.replace("\"quantity\":3", "\"quantity\":0"))).singleElement().asString()
                .startsWith("/lines/0/quantity");
        assertThat(violations("OrderPlaced", PLACED.replace("\"orderId\":\"" + ORDER_ID + "\",", ""))).singleElement().asString()
                .contains("orderId");
        assertThat(violations("OrderPlaced", PLACED.replace(ORDER_ID, "not-a-uuid"))).singleElement().asString().startsWith("/orderId");
        assertThat(violations("OrderPlaced", PLACED.replace("PENDING", "CONFIRMED"))).singleElement().asString().startsWith("/status");
        assertThat(violations("OrderPlaced", PLACED.replace("2026-12-06T01:59:00.123456Z", "yesterday"))).singleElement().asString()
                .startsWith("/placedAt");
        assertThat(violations("OrderPlaced", PLACED.replaceFirst("\\}$", ",\"salesChannel\":\"web\"}"))).singleElement().asString()
                .contains("salesChannel");
        assertThat(violations("PaymentFailed", "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c\",\"currency\":\"eur\",\"amount\":-1,"
                + "\"reason\":\"BORED\"}")).hasSize(3);
    }

    @Test
    void refusesToValidateAgainstASchemaThatDoesNotExist() {
        assertThatThrownBy(() -> EventSchemas.violations("OrderPlaced", 99, JSON.readTree(PLACED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemas/OrderPlaced/v99.json");
    }

    @Test
    void knowsEachTypesTopic() {
        assertThat(EventType.of("OrderPlaced")).contains(EventType.ORDER_PLACED);
        assertThat(EventType.ORDER_PLACED.aggregate().topic()).isEqualTo("orders.events");
        assertThat(EventType.PAYMENT_REFUNDED.aggregate().topic()).isEqualTo("payments.events");
        assertThat(EventType.of("OrderViewed")).isEmpty();
    }

    private static void assertValid(String type, String payload) {
        assertThat(violations(type, payload)).as(type + " " + payload).isEmpty();
    }

    private static List<String> violations(String type, String payload) {
        JsonNode node = JSON.readTree(payload);
        return EventSchemas.violations(type, 1, node);
    }
}
