package io.relaybox.peers.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTest {

    @Test
    void readsTheIdAndStampWhoeverSerializedThePayload() {
        // a JSON mapper's output, and PostgreSQL's jsonb text (the CDC path's payload column) with its spaces
        assertThat(Deliveries.parse("{\"eventId\":\"clean-3\",\"total\":28.20,\"occurredAtMicros\":1700000000000000}"))
                .contains(new Deliveries.Delivery("clean-3", 1_700_000_000_000_000L));
        assertThat(Deliveries.parse("{\"total\": 28.20, \"eventId\": \"kill-9\", \"occurredAtMicros\": 5}"))
                .contains(new Deliveries.Delivery("kill-9", 5));
        assertThat(Deliveries.parse("{\"something\":\"else\"}")).isEmpty();
        assertThat(Deliveries.parse(null)).isEmpty();
    }

    @Test
    void countsDuplicatesAndMissingEventsAndTakesTheFirstArrivalForTheLatency() {
        Deliveries deliveries = new Deliveries();
        deliveries.record(json("kill-0", 1_000_000), 1_005_000);
        deliveries.record(json("kill-1", 1_000_000), 1_020_000);
        deliveries.record(json("kill-0", 1_000_000), 3_000_000);
        deliveries.record("not an event", 3_000_000);

        assertThat(deliveries.records()).isEqualTo(4);
        assertThat(deliveries.distinct()).isEqualTo(2);
        assertThat(deliveries.duplicates()).isEqualTo(2);
        assertThat(deliveries.unreadable()).isEqualTo(1);
        assertThat(deliveries.missing("kill", 4)).isEqualTo(2);
        assertThat(deliveries.commitToKafkaMillis().at(100)).isEqualTo(20);
        assertThat(deliveries.commitToKafkaMillis().at(50)).isEqualTo(5);
        // two events from the first commit (1.000 s) to the last first arrival (1.020 s)
        assertThat(deliveries.eventsPerSecond()).isEqualTo(100.0);
    }

    private static String json(String eventId, long occurredAtMicros) {
        return "{\"eventId\":\"" + eventId + "\",\"occurredAtMicros\":" + occurredAtMicros + "}";
    }
}
