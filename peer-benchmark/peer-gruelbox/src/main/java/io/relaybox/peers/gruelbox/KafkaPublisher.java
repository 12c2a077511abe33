package io.relaybox.peers.gruelbox;

import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the outbox calls after the commit: sends the event and waits for Kafka's acknowledgement, so that a call that
 * returns normally (and is then marked processed) was delivered, and one that throws is attempted again. Created by
 * the library's default instantiator (reflection, no-argument constructor): the producer is the process's one.
 */
public class KafkaPublisher {

    private static final class Holder {
        static final KafkaProducer<String, String> PRODUCER = producer();
    }

    public void publish(String topic, String key, String json) throws InterruptedException, ExecutionException {
        Holder.PRODUCER.send(new ProducerRecord<>(topic, key, json)).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("peer.kafka"));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
