package io.relaybox.peers.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PeerWritersTest {

    @Test
    void aRestartedProcessWritesOnlyTheOrdersNotCommittedBefore() {
        assertThat(PeerWriters.missing(6, Set.of(0, 2, 3))).containsExactly(1, 4, 5);
        assertThat(PeerWriters.missing(3, Set.of())).containsExactly(0, 1, 2);
    }

    @Test
    void theEventIdIsTheSameInEveryProcessOfARun() {
        assertThat(OrderPlaced.of("kill", 7).eventId()).isEqualTo("kill-7").isEqualTo(OrderPlaced.of("kill", 7).eventId());
    }

    @Test
    void theJsonCarriesTheIdAndTheCommitStampAsAJsonMapperWouldNameThem() {
        OrderPlaced event = OrderPlaced.of("clean", 42);
        String json = event.toJson();
        assertThat(json).startsWith("{\"eventId\":\"clean-42\",\"orderId\":\"order-clean-42\",\"customerId\":\"customer-042\"")
                .contains("\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":2,\"unitPrice\":12.50,\"lineTotal\":25.00},")
                .endsWith(",\"total\":28.20,\"status\":\"PENDING\",\"occurredAtMicros\":" + event.occurredAtMicros() + "}");
    }
}
