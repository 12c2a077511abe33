package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.UnparseablePayloadException;
import tools.jackson.databind.json.JsonMapper;

class EventUpcastersTest {

    private static final String ORDER_ID = "01a248ee-b4d8-7014-92f2-ab0e54d0472c";
    private static final String PLACED_V1 = "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"customer-007\",\"currency\":\"EUR\","
            + "\"status\":\"PENDING\",\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":3,\"unitPrice\":1.25,\"lineTotal\":3.75}],"
            + "\"total\":3.75,\"placedAt\":\"" + Instant.now() + "\"}";
    private final EventUpcasters upcasters = EventUpcasters.toCurrentVersions();

    @Test
    void readsAnOrderPlacedOfV1AsAValidV2FromTheWebShop() {
        InboxEvent v1 = new InboxEvent(UUID.randomUUID(), "OrderPlaced", 1, ORDER_ID, Instant.now(), "00-trace", Map.of("h", "x"), PLACED_V1);

        InboxEvent v2 = upcasters.upcast(v1);

        assertThat(v2.schemaVersion()).isEqualTo(2);
        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(v2.aggregateId()).isEqualTo(v1.aggregateId());
        assertThat(v2.occurredAt()).isEqualTo(v1.occurredAt());
        assertThat(v2.traceparent()).isEqualTo(v1.traceparent());
        assertThat(v2.headers()).isEqualTo(v1.headers());
        assertThat(JsonMapper.shared().readTree(v2.payload()).path("salesChannel").asString()).isEqualTo("WEB");
        assertThat(EventSchemas.violations("OrderPlaced", 2, JsonMapper.shared().readTree(v2.payload()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void bringsEveryVersionOfEveryTypeToItsCurrentVersion(EventType type) {
        for (int version = 1; version <= type.currentVersion(); version++) {
            assertThat(upcasters.handledVersion(type.typeName(), version)).as("%s v%d", type.typeName(), version)
                    .isEqualTo(type.currentVersion());
        }
    }

    @Test
    void leavesACurrentEventAndAnUnknownTypeAsTheyAre() {
        InboxEvent current = new InboxEvent(UUID.randomUUID(), "OrderPlaced", 2, ORDER_ID, null, null, Map.of(),
                PLACED_V1.replace("\"currency\"", "\"salesChannel\":\"STORE\",\"currency\""));

        assertThat(upcasters.upcast(current)).isSameAs(current);
        assertThat(upcasters.handledVersion("OrderTeleported", 1)).isEqualTo(1);
    }

    @Test
    void refusesToRewriteAPayloadThatIsNotAJsonObject() {
        assertThatThrownBy(() -> upcasters.upcast("OrderPlaced", 1, "[1, 2]")).isInstanceOf(UnparseablePayloadException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> upcasters.upcast("OrderPlaced", 1, "{\"orderId\": no")).isInstanceOf(UnparseablePayloadException.class);
    }
}
