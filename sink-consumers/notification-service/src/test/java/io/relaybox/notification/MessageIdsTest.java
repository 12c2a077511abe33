package io.relaybox.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void derivesTheSameMessageIdFromTheSameEventId() {
        UUID eventId = UUID.fromString("0190d1c2-7a3b-7c4d-8e5f-000000000001");

        assertThat(MessageIds.of(eventId, "notification.example"))
                .isEqualTo("<0190d1c2-7a3b-7c4d-8e5f-000000000001@notification.example>")
                .isEqualTo(MessageIds.of(eventId, "notification.example"));
    }

    @Test
    void givesTwoEventsTwoMessageIds() {
        assertThat(MessageIds.of(UUID.randomUUID(), "d.example")).isNotEqualTo(MessageIds.of(UUID.randomUUID(),
                "d.example"));
    }

    @Test
    void refusesADomainThatWouldBreakTheHeader() {
        assertThatThrownBy(() -> MessageIds.of(UUID.randomUUID(), "a b>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notification.message-id-domain");
    }
}
