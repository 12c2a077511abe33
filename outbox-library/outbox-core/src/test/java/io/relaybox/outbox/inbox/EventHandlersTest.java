package io.relaybox.outbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.outbox.OutboxConfigurationException;
import tools.jackson.databind.JsonNode;

class EventHandlersTest {

    record OrderPlaced(String orderId, int quantity) {
    }

    private final List<Object> handled = new ArrayList<>();

    @Test
    void readsThePayloadIntoTheTypeRegisteredForTypeAndVersion() throws Exception {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order))
                .on("OrderPlaced", 2, JsonNode.class, (event, json, connection) -> handled.add(json.get("id").asString()))
                .build();

        handler.handle(event("OrderPlaced", 1, "{\"orderId\":\"o-1\",\"quantity\":2}"), null);
        handler.handle(event("OrderPlaced", 2, "{\"id\":\"o-2\"}"), null);

        assertThat(handled).containsExactly(new OrderPlaced("o-1", 2), "o-2");
    }

    @Test
    void ignoresPropertiesTheTypeDoesNotDeclare() throws Exception {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order)).build();

        handler.handle(event("OrderPlaced", 1, "{\"orderId\":\"o-1\",\"quantity\":2,\"addedLater\":true}"), null);

        assertThat(handled).containsExactly(new OrderPlaced("o-1", 2));
    }

    @Test
    void passesTheRawEventToAnEventHandler() throws Exception {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, (event, connection) -> handled.add(event.payload())).build();

        handler.handle(event("OrderPlaced", 1, "{\"a\":1}"), null);

        assertThat(handled).containsExactly("{\"a\":1}");
    }

    @Test
    void rejectsAnUnknownTypeNamingWhatItHandles() {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order))
                .ignore("OrderViewed").build();

        assertThatThrownBy(() -> handler.handle(event("OrderShipped", 1, "{}"), null))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("no handler for OrderShipped v1")
                .hasMessageContaining("handles OrderPlaced v1 and ignores OrderViewed");
    }

    @Test
    void rejectsAnUnknownSchemaVersionOfAKnownType() {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order)).build();

        assertThatThrownBy(() -> handler.handle(event("OrderPlaced", 3, "{}"), null))
                .isInstanceOf(UnknownEventTypeException.class).hasMessageContaining("no handler for OrderPlaced v3");
    }

    @Test
    void acceptsIgnoredTypesInAnyVersionWithoutHandlingThem() throws Exception {
        EventHandler handler = EventHandlers.builder().ignore("OrderViewed").build();

        handler.handle(event("OrderViewed", 7, "{}"), null);

        assertThat(handled).isEmpty();
    }

    @Test
    void rejectsAPayloadThatIsNotJsonAsUnparseable() {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order)).build();

        assertThatThrownBy(() -> handler.handle(event("OrderPlaced", 1, "{\"orderId\":"), null))
                .isInstanceOf(UnparseablePayloadException.class)
                .hasMessageContaining("cannot read the payload of OrderPlaced v1")
                .hasMessageContaining("as OrderPlaced");
        assertThatThrownBy(() -> handler.handle(event("OrderPlaced", 1, "null"), null))
                .isInstanceOf(UnparseablePayloadException.class).hasMessageContaining("is JSON null");
        assertThat(handled).isEmpty();
    }

    @Test
    void rejectsAPayloadOfTheWrongShapeAsUnparseable() {
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> handled.add(order)).build();

        assertThatThrownBy(() -> handler.handle(event("OrderPlaced", 1, "{\"quantity\":\"many\"}"), null))
                .isInstanceOf(UnparseablePayloadException.class);
    }

    @Test
    void refusesTwoHandlersForOneTypeAndVersion() {
        assertThatThrownBy(() -> EventHandlers.builder()
                .on("OrderPlaced", 1, (event, connection) -> { })
                .on("OrderPlaced", 1, (event, connection) -> { }).build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessage("outbox.inbox.handlers: two handlers for OrderPlaced v1");
    }

    @Test
    void refusesATypeThatIsBothHandledAndIgnored() {
        assertThatThrownBy(() -> EventHandlers.builder().on("OrderPlaced", 1, (event, connection) -> { })
                .ignore("OrderPlaced").build())
                .isInstanceOf(OutboxConfigurationException.class).hasMessageContaining("both handled and ignored");
    }

    @Test
    void passesAnOlderVersionThroughTheUpcasterToTheHandlerOfTheVersionItBecomes() throws Exception {
        // v1 had "qty"; v2 calls it "quantity"
        Upcaster renameQuantity = new Upcaster() {

            @Override
            public int handledVersion(String type, int schemaVersion) {
                return "OrderPlaced".equals(type) && schemaVersion == 1 ? 2 : schemaVersion;
            }

            @Override
            public InboxEvent upcast(InboxEvent event) {
                return event.asVersion(2, event.payload().replace("\"qty\"", "\"quantity\""));
            }
        };
        EventHandler handler = EventHandlers.builder().upcaster(renameQuantity)
                .on("OrderPlaced", 2, OrderPlaced.class, (event, order, connection) -> handled.add(event.schemaVersion() + ":" + order))
                .build();
        InboxEvent written = event("OrderPlaced", 1, "{\"orderId\":\"o-1\",\"qty\":2}");

        assertThat(handler.handles(written)).isTrue();
        assertThat(handler.handles(event("OrderPlaced", 3, "{}"))).isFalse();
        handler.handle(written, null);
        handler.handle(event("OrderPlaced", 2, "{\"orderId\":\"o-2\",\"quantity\":5}"), null);

        assertThat(handled).containsExactly("2:" + new OrderPlaced("o-1", 2), "2:" + new OrderPlaced("o-2", 5));
    }

    @Test
    void refusesANonPositiveSchemaVersion() {
        assertThatThrownBy(() -> EventHandlers.builder().on("OrderPlaced", 0, (event, connection) -> { }).build())
                .isInstanceOf(OutboxConfigurationException.class).hasMessageContaining("positive schema version");
    }

    private static InboxEvent event(String type, int version, String payload) {
        return new InboxEvent(UUID.randomUUID(), type, version, "o-1", null, null, java.util.Map.of(), payload);
    }
}
