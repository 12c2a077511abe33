package io.relaybox.peers.namastack;

import java.util.concurrent.ExecutionException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.namastack.outbox.annotation.OutboxHandler;
import io.relaybox.peers.writers.OrderPlaced;

/**
 * What namastack's Kafka module ({@code namastack-outbox-kafka}, not published to Maven Central) does, written out:
 * sends the payload as JSON to the topic, keyed by the order id, and waits for Kafka's acknowledgement
 * ({@code send(record).get()}), so that a record is marked completed only once Kafka has it and a failure is retried.
 */
@Component
class KafkaOutboxHandler {

    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    KafkaOutboxHandler(KafkaTemplate<String, String> kafka, @Value("${peer.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @OutboxHandler
    public void handle(OrderPlaced event) throws InterruptedException, ExecutionException {
        kafka.send(topic, event.orderId(), event.toJson()).get();
    }
}
