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
            List.of(new PlaceOrder.Line("SKU-1", 2, new BigDecimal("1.25")))), Instant.now(), OrderModes.EVENTS);

    @Test
    void writesTheOrderEventsInTheCurrentVersionWithTheSalesChannel() {
        new OrderEvents(outbox, 2, 0).placed(order);

        OutboxMessage placed = published.get(0);
        assertThat(placed.schemaVersion()).isEqualTo(2);
        JsonNode payload = JSON.valueToTree(placed.payload());
        assertThat(payload.path("salesChannel").asString()).isEqualTo("PHONE");
        assertThat(EventSchemas.violations("OrderPlaced", 2, payload)).isEmpty();
    }

    @Test
    void writesVersionOneWithoutTheSalesChannelWhenToldToAsDuringARollingUpgrade() {
        OrderEvents events = new OrderEvents(outbox, 1, 0);
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
    void keepsTheGivenShareOfOrdersOnTheVersionBeforeWithAllEventsOfAnOrderInOneVersion() {
        OrderEvents events = new OrderEvents(outbox, 2, 0.5);
        int previous = 0;
        for (int i = 0; i < 2_000; i++) {
            Order placed = Order.place(UUID.randomUUID(), new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("EUR"),
                    List.of(new PlaceOrder.Line("SKU-1", 1, BigDecimal.ONE))), Instant.now(), OrderModes.EVENTS);
            events.placed(placed);
            events.confirmed(placed.confirm(Instant.now()));
            assertThat(published.get(2 * i + 1).schemaVersion()).isEqualTo(published.get(2 * i).schemaVersion());
            previous += published.get(2 * i).schemaVersion() == 1 ? 1 : 0;
        }

        assertThat(previous).as("orders of 2,000 written as v1").isBetween(850, 1150);
        assertThat(new OrderEvents(outbox, 2, 0).versionOf(order)).isEqualTo(2);
        assertThat(new OrderEvents(outbox, 2, 1).versionOf(order)).isEqualTo(1);
        assertThatThrownBy(() -> new OrderEvents(outbox, 2, 1.5)).hasMessageContaining("previous-version-share");
    }

    @Test
    void refusesAVersionItCannotWrite() {
        assertThatThrownBy(() -> new OrderEvents(outbox, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relaybox.events.order-version must be 1 or 2, was: 3");
    }
}
