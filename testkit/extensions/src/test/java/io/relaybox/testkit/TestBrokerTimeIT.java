package io.relaybox.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.KafkaEndpoint;

/** The broker the test kit starts, on either backend, refuses records whose time retention could delete during a run. */
@ExtendWith(KafkaExtension.class)
class TestBrokerTimeIT {

    private static final String TOPIC = "broker-time";
    private static KafkaEndpoint kafka;

    @BeforeAll
    static void createTopic(KafkaEndpoint broker) throws Exception {
        kafka = broker;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void refusesARecordStampedWithADateAWeekAgo() {
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));

        assertThatThrownBy(() -> send(weekAgo)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidTimestampException.class);
    }

    @Test
    void acceptsARecordStampedWithTheRunsBaseTime() throws Exception {
        assertThat(send(TestRecordTime.base()).timestamp()).isEqualTo(TestRecordTime.base().toEpochMilli());
    }

    private static RecordMetadata send(Instant time) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, 0, time.toEpochMilli(), "key", "value")).get();
        }
    }
}
