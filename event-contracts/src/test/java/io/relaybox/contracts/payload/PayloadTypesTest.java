package io.relaybox.contracts.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.relaybox.contracts.EventSchemas;
import io.relaybox.contracts.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payload types say what the current schemas say: the same fields, nested lines included, and what they write is valid. */
class PayloadTypesTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final UUID ORDER = UUID.fromString("01a248ee-b4d8-7014-92f2-ab0e54d0472c");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void haveExactlyThePropertiesOfTheCurrentSchema(EventType type) {
        JsonNode schema = EventSchemas.tree(type.typeName(), type.currentVersion());
        List<String> mismatches = new ArrayList<>();
        compare(type.payloadType(), schema, "", mismatches);
        assertThat(mismatches).as("%s v%d against %s", type.typeName(), type.currentVersion(), type.payloadType().getSimpleName())
                .isEmpty();
    }

    @Test
    void writeWhatTheirSchemasAccept() {
        Instant now = Instant.now();
        OrderPayload placed = new OrderPayload(ORDER, "customer-007", "STORE", "EUR", "PENDING",
                List.of(new OrderPayload.Line("SKU-APPLE", 3, new BigDecimal("1.25"), new BigDecimal("3.75"))), new BigDecimal("3.75"),
                now, null, null, null, null, null);
        assertValid(EventType.ORDER_PLACED, 2, placed);
        assertValid(EventType.ORDER_PLACED, 1, placed.asVersion1());
        assertThat(JSON.valueToTree(placed.asVersion1()).has("salesChannel")).isFalse();
        assertValid(EventType.INVENTORY_RESERVED, 1, new InventoryLinesPayload(ORDER, List.of(new InventoryLinesPayload.Line("SKU-APPLE", 3))));
        assertValid(EventType.INVENTORY_REJECTED, 1,
                new InventoryRejectedPayload(ORDER, List.of(new InventoryRejectedPayload.ShortSku("SKU-APPLE", 3, 1))));
        assertValid(EventType.PAYMENT_CAPTURED, 1, new PaymentPayload(ORDER, "customer-007", "EUR", new BigDecimal("3.75")));
        assertValid(EventType.PAYMENT_FAILED, 1,
                new PaymentFailedPayload(ORDER, "customer-007", "EUR", new BigDecimal("3.75"), "INSUFFICIENT_FUNDS"));
    }

    @Test
    void readAnOrderEventOfVersionOneWithoutASalesChannel() {
        OrderPayload read = JSON.readValue("{\"orderId\":\"" + ORDER + "\",\"customerId\":\"c\",\"currency\":\"EUR\",\"status\":\"PENDING\","
                + "\"lines\":[{\"sku\":\"S\",\"quantity\":2,\"unitPrice\":1.5,\"lineTotal\":3.0}],\"total\":3.0,"
                + "\"placedAt\":\"2026-12-06T01:59:00.123456Z\"}", OrderPayload.class);
        assertThat(read.salesChannel()).isNull();
        assertThat(read.lines()).singleElement().extracting(OrderPayload.Line::quantity).isEqualTo(2);
    }

    private static void assertValid(EventType type, int version, Object payload) {
        assertThat(EventSchemas.violations(type.typeName(), version, JSON.valueToTree(payload))).as("%s v%d", type.typeName(), version)
                .isEmpty();
    }

    /** Every record component is a property of the schema and every property a component; list elements likewise. */
    private static void compare(Class<?> type, JsonNode schema, String path, List<String> mismatches) {
        JsonNode properties = schema.path("properties");
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        properties.propertyNames().forEach(name -> {
            if (!components.contains(name)) {
                mismatches.add(path + name + " is in the schema, not in " + type.getSimpleName());
            }
        });
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            if (property == null) {
                mismatches.add(path + component.getName() + " is in " + type.getSimpleName() + ", not in the schema");
            } else if (component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class) {
                Type element = list.getActualTypeArguments()[0];
                if (element instanceof Class<?> elementType && elementType.isRecord()) {
                    compare(elementType, property.path("items"), path + component.getName() + "[].", mismatches);
                }
            }
        }
    }
}
