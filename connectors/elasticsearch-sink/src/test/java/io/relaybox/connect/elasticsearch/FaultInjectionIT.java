package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorOffsets;
import io.relaybox.testkit.KafkaExtension;

/**
 * Elasticsearch behind a proxy that answers 429 and 503 (some after doing the work) for eight seconds while 300 order
 * sagas arrive: the task keeps running, retries until everything is acknowledged, and every count is exact.
 */
@ExtendWith(SinkStackExtension.class)
@ExtendWith(KafkaExtension.class)
class FaultInjectionIT {

    private static final String CONNECTOR = "fault-sink";
    private static final String ORDERS = "fault.orders.events";
    private static final String INVENTORY = "fault.inventory.events";
    private static final String PAYMENTS = "fault.payments.events";

    @Test
    void losesAndDuplicatesNothingWhileElasticsearchAnswers429And503(SinkStack stack) throws Exception {
        stack.createTopics(6, ORDERS, INVENTORY, PAYMENTS);
        OrderHistory history = OrderHistory.of(300, OrderHistory.START, ORDERS, INVENTORY, PAYMENTS, 7);
        SSLContext trust = SSLContext.getInstance("TLS");
        trust.init(null, trustManagers(stack.elasticsearch().caCertificate().orElseThrow()), null);
        EsQueries queries = new EsQueries(stack.es());
        List<String> failures = new CopyOnWriteArrayList<>();

        try (ElasticsearchFaults proxy = new ElasticsearchFaults(URI.create(stack.elasticsearch().url()), trust)) {
            ConnectorDefinition shipped = stack.connector(CONNECTOR, Map.of());
            Map<String, String> config = new LinkedHashMap<>(shipped.config());
            config.remove("connection.ssl.ca.certificate.location");
            config.putAll(Map.of("connection.urls", proxy.url(), "topics", String.join(",", ORDERS, INVENTORY, PAYMENTS), "orders.topics", ORDERS,
                    "index.prefix", "fault-events-", "orders.index", "fault-orders", "errors.deadletterqueue.topic.name", "fault-sink.dlq",
                    "bulk.max.records", "100", "retry.backoff.initial.ms", "50", "retry.backoff.max.ms", "1000", "linger.ms", "20"));
            stack.register(shipped.withConfig(config));

            proxy.failFor(Duration.ofSeconds(8));
            try (KafkaProducer<String, String> producer = stack.producer()) {
                history.produce(producer);
            }

            Map<TopicPartition, Long> end = endOffsets(stack, ORDERS, INVENTORY, PAYMENTS);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                stack.connectClient().status(CONNECTOR).flatMap(s -> s.failure()).ifPresent(failures::add);
                assertThat(committed(stack)).isEqualTo(end);
            });

            assertThat(failures).as("the connector or a task failed on the way").isEmpty();
            assertThat(proxy.tooManyRequests.get()).as("429 answers").isPositive();
            assertThat(proxy.unavailable.get()).as("503 answers").isPositive();
            assertThat(proxy.lostAnswers.get()).as("answers lost after the work was done").isPositive();
            assertThat(queries.count("fault-events-*")).isEqualTo(history.eventIds().size());
            assertThat(queries.documents("fault-events-*").keySet()).isEqualTo(history.eventIds());
            Map<String, Hit<ObjectNode>> orders = queries.documents("fault-orders");
            assertThat(orders).hasSize(history.orders().size());
            history.orders().values().forEach(o -> assertThat(orders.get(o.orderId()).source().path("status").asText())
                    .as(o.orderId()).isEqualTo(o.status()));
            assertThat(stack.connectClient().status(CONNECTOR)).hasValueSatisfying(s -> assertThat(s.isRunning()).isTrue());
            System.out.printf("fault injection: %d events, %d x 429, %d x 503, %d answers lost after indexing, %d requests forwarded%n",
                    history.events().size(), proxy.tooManyRequests.get(), proxy.unavailable.get(), proxy.lostAnswers.get(), proxy.forwarded.get());
        } finally {
            stack.connectClient().delete(CONNECTOR);
        }
    }

    private static javax.net.ssl.TrustManager[] trustManagers(Path caCertificate) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static Map<TopicPartition, Long> committed(SinkStack stack) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (ConnectorOffsets.Entry entry : stack.connectClient().offsets(CONNECTOR).offsets()) {
            committed.put(new TopicPartition(entry.partition().get("kafka_topic").toString(),
                    ((Number) entry.partition().get("kafka_partition")).intValue()), ((Number) entry.offset().get("kafka_offset")).longValue());
        }
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets(SinkStack stack, String... topics) {
        java.util.Properties properties = new java.util.Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions).entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
