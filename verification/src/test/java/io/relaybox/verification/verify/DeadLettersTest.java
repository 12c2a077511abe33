package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void namesTheEventTheConsumerAndTheReason() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("orders.events.dlq", 2, 17, "order-1", "{}");
        header(record, "id", "0190-event");
        header(record, "type", "OrderPlaced");
        header(record, "relaybox.dlq.consumer", "inventory-service");
        header(record, "relaybox.dlq.exception.class", "io.relaybox.outbox.inbox.UnparseablePayloadException");
        header(record, "relaybox.dlq.exception.message", "not JSON");

        assertThat(DeadLetters.describe("orders.events.dlq", record)).isEqualTo("orders.events.dlq: event 0190-event (OrderPlaced)"
                + " dead-lettered by inventory-service at offset 2/17: io.relaybox.outbox.inbox.UnparseablePayloadException: not JSON");
    }

    @Test
    void readsTheReasonKafkaConnectGivesForASinkConnectorsDeadLetter() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("elasticsearch-sink.dlq", 0, 3, "order-1", "{}");
        header(record, "id", "0190-event");
        header(record, "__connect.errors.connector.name", "elasticsearch-sink");
        header(record, "__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException");

        assertThat(DeadLetters.describe("elasticsearch-sink.dlq", record)).isEqualTo("elasticsearch-sink.dlq: event 0190-event"
                + " dead-lettered by elasticsearch-sink at offset 0/3: org.apache.kafka.connect.errors.DataException");
    }

    @Test
    void saysSoWhenARecordNamesNoReason() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("payments.events.dlq", 0, 0, "order-1", "{}");

        assertThat(DeadLetters.describe("payments.events.dlq", record))
                .isEqualTo("payments.events.dlq: event (no id header) dead-lettered at offset 0/0: no reason in its headers");
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
