package io.relaybox.outbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class InboxEventTest {

    private static final UUID ID = UUID.fromString("0192f3c4-0a4b-7000-8000-000000000001");

    @Test
    void copiesTheHeadersSoThatLaterChangesDoNotLeakIn() {
        Map<String, String> headers = new HashMap<>(Map.of("tenant", "eu"));
        InboxEvent event = new InboxEvent(ID, "OrderPlaced", 1, "o-1", null, null, headers, "{}");

        headers.put("tenant", "us");

        assertThat(event.headers()).containsExactly(Map.entry("tenant", "eu"));
        assertThatThrownBy(() -> event.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAnEventWithoutIdTypeAggregateOrPayload() {
        assertThatThrownBy(() -> InboxEvent.of(null, "OrderPlaced", "o-1", "{}")).hasMessage("id must not be null");
        assertThatThrownBy(() -> InboxEvent.of(ID, " ", "o-1", "{}")).hasMessage("type must not be blank");
        assertThatThrownBy(() -> InboxEvent.of(ID, "OrderPlaced", "", "{}")).hasMessage("aggregateId must not be blank");
        assertThatThrownBy(() -> InboxEvent.of(ID, "OrderPlaced", "o-1", null))
                .hasMessageContaining("payload must not be null");
    }

    @Test
    void rejectsANonPositiveSchemaVersion() {
        assertThatThrownBy(() -> new InboxEvent(ID, "OrderPlaced", 0, "o-1", null, null, Map.of(), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schemaVersion must be positive, was: 0");
    }

    @Test
    void describesItselfByTypeVersionIdAndAggregate() {
        assertThat(InboxEvent.of(ID, "OrderPlaced", "o-1", "{}").describe())
                .isEqualTo("OrderPlaced v1 " + ID + " of aggregate o-1");
    }
}
