package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.EventSchemas;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrderEventsTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final List<OutboxMessage> published = new ArrayList<>();
    private final Outbox outbox = message -> {
        published.add(message);
        return null;
    };
    private final Order order = Order.place(UUID.randomUUID(), new PlaceOrder("c-1", SalesChannel.PHONE, Currency.getInstance("EUR"),
            List.of(new PlaceOrder.Line("SKU-1", 2, new BigDecimal("1.25")))), Instant.now());

    @Test
    void writesTheOrderEventsInTheCurrentVersionWithTheSalesChannel() {
        new OrderEvents(outbox, JSON, 2).placed(order);

        OutboxMessage placed = published.get(0);
        assertThat(placed.schemaVersion()).isEqualTo(2);
        JsonNode payload = JSON.valueToTree(placed.payload());
        assertThat(payload.path("salesChannel").asString()).isEqualTo("PHONE");
        assertThat(EventSchemas.violations("OrderPlaced", 2, payload)).isEmpty();
    }

    @Test
    void writesVersionOneWithoutTheSalesChannelWhenToldToAsDuringARollingUpgrade() {
        OrderEvents events = new OrderEvents(outbox, JSON, 1);
        events.placed(order);
        events.cancelled(order.cancel(Instant.now(), "changed my mind"));

        assertThat(published).extracting(OutboxMessage::schemaVersion).containsExactly(1, 1);
        for (OutboxMessage message : published) {
            JsonNode payload = JSON.valueToTree(message.payload());
            assertThat(payload.has("salesChannel")).isFalse();
            assertThat(EventSchemas.violations(message.eventType(), 1, payload)).as(message.eventType()).isEmpty();
        }
    }

    @Test
    void refusesAVersionItCannotWrite() {
        assertThatThrownBy(() -> new OrderEvents(outbox, JSON, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relaybox.events.order-version must be 1 or 2, was: 3");
    }
}
