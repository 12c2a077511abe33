package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    @Test
    void defaultsToSchemaVersionOneAndNoHeaders() {
        OutboxMessage message = OutboxMessage.of("orders", "o-1", "OrderPlaced", Map.of("total", 10));

        assertThat(message.schemaVersion()).isEqualTo(1);
        assertThat(message.headers()).isEmpty();
    }

    @Test
    void rejectsAggregateTypeThatIsNotATopicNameFragment() {
        assertThatThrownBy(() -> OutboxMessage.of("orders/eu", "o-1", "OrderPlaced", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregateType must be a topic-name fragment")
                .hasMessageContaining("orders/eu");
    }

    @Test
    void acceptsDotsDashesAndUnderscoresInAggregateType() {
        assertThat(OutboxMessage.of("shop.orders_v2-eu", "o-1", "OrderPlaced", "x").aggregateType())
                .isEqualTo("shop.orders_v2-eu");
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> OutboxMessage.of(" ", "o-1", "OrderPlaced", "x")).hasMessage("aggregateType must not be blank");
        assertThatThrownBy(() -> OutboxMessage.of("orders", "", "OrderPlaced", "x")).hasMessage("aggregateId must not be blank");
        assertThatThrownBy(() -> OutboxMessage.of("orders", "o-1", null, "x")).hasMessage("eventType must not be blank");
    }

    @Test
    void rejectsNullPayloadNamingTheEvent() {
        assertThatThrownBy(() -> OutboxMessage.of("orders", "o-1", "OrderPlaced", null))
                .hasMessageContaining("payload must not be null").hasMessageContaining("OrderPlaced");
    }

    @Test
    void rejectsNonPositiveSchemaVersion() {
        OutboxMessage message = OutboxMessage.of("orders", "o-1", "OrderPlaced", "x");

        assertThatThrownBy(() -> message.withSchemaVersion(0)).hasMessage("schemaVersion must be positive, was: 0");
    }

    @Test
    void rejectsHeaderWithNullValue() {
        Map<String, String> headers = new HashMap<>();
        headers.put("tenant", null);
        OutboxMessage message = OutboxMessage.of("orders", "o-1", "OrderPlaced", "x");

        assertThatThrownBy(() -> message.withHeaders(headers)).hasMessage("header tenant must not have a null value");
    }

    @Test
    void copiesHeadersSoLaterChangesDoNotLeakIn() {
        Map<String, String> headers = new HashMap<>(Map.of("tenant", "eu"));
        OutboxMessage message = OutboxMessage.of("orders", "o-1", "OrderPlaced", "x").withHeaders(headers);
        headers.put("tenant", "us");

        assertThat(message.headers()).containsExactly(Map.entry("tenant", "eu"));
        assertThatThrownBy(() -> message.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void addsOneHeaderKeepingTheOthers() {
        OutboxMessage message = OutboxMessage.of("orders", "o-1", "OrderPlaced", "x")
                .withHeader("tenant", "eu").withHeader("source", "web").withSchemaVersion(3);

        assertThat(message.headers()).containsExactly(Map.entry("tenant", "eu"), Map.entry("source", "web"));
        assertThat(message.schemaVersion()).isEqualTo(3);
    }
}
