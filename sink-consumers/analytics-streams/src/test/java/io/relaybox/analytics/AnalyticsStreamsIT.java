package io.relaybox.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.testkit.KafkaExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application against a real Kafka broker: two instances share the work (a rebalance), one is killed with
 * SIGKILL while it processes (its open transaction is aborted), the other takes over and restores the state from the
 * changelogs, and copies of events arrive. When every input record is consumed, {@code GET /stats/...} gives exactly
 * the figures of what the test wrote: nothing counted twice, nothing missed.
 */
@ExtendWith(KafkaExtension.class)
class AnalyticsStreamsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ORDERS = 300;
    private static final List<String> INPUTS = List.of("orders.events", "payments.events");
    /** Quick failure detection for the test: the survivor takes over seconds after the kill, not 45 s. */
    private static final List<String> TUNING = List.of("--analytics.streams.[session.timeout.ms]=6000",
            "--analytics.streams.[heartbeat.interval.ms]=1500", "--analytics.streams.[commit.interval.ms]=200");

    @Test
    void aRebalanceAKillDashNineAndCopiesOfEventsCountNothingTwice(KafkaEndpoint broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        String applicationId = "analytics-it-" + UUID.randomUUID().toString().substring(0, 8);
        createTopics(bootstrap);
        Instant start = Instant.now();
        OrderHistory history = new OrderHistory(start);
        // every window that can hold the events: they occur within a minute from now
        Instant hour = start.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

        try (KafkaProducer<String, String> producer = producer(bootstrap);
                AnalyticsProcess first = AnalyticsProcess.start("analytics-it-1", bootstrap, applicationId, TUNING)) {
            awaitHealthy(first);
            List<ProducerRecord<String, String>> firstHalf = history.orders(0, ORDERS / 2);
            send(producer, firstHalf);
            try (AnalyticsProcess second = AnalyticsProcess.start("analytics-it-2", bootstrap, applicationId, TUNING)) {
                awaitHealthy(second);
                Awaitility.await("the first instance counted something").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> !first.get("/stats/orders-per-minute?from=" + hour + "&to=" + hour.plus(Duration.ofHours(3))).body()
                                .equals("[]"));

                // the first instance dies right after the second half is written, while it processes its share
                // (commit.interval.ms=200: its open transaction holds records it read, aborted by the kill)
                List<ProducerRecord<String, String>> secondHalf = history.orders(ORDERS / 2, ORDERS);
                send(producer, secondHalf);
                first.kill();
                // copies of events, as at-least-once CDC re-sends them after a crash: same id, same time, new offset
                send(producer, firstHalf.subList(firstHalf.size() - 40, firstHalf.size()));
                send(producer, secondHalf.subList(0, 40));

                awaitEverythingConsumed(bootstrap, applicationId);
                String span = "from=" + hour + "&to=" + hour.plus(Duration.ofHours(3));
                Awaitility.await("the figures equal the hour written").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(ordersByStatus(second, span)).isEqualTo(history.ordersByStatus);
                    assertThat(revenue(second, span, "captured")).isEqualTo(normalized(history.capturedByCurrency));
                    assertThat(revenue(second, span, "refunded")).isEqualTo(normalized(history.refundedByCurrency));
                    assertThat(unitsBySku(second, span)).isEqualTo(history.unitsBySku);
                    JsonNode outcomes = json(second, "/stats/outcomes?" + span);
                    assertThat(outcomes.path("confirmed").asLong()).isEqualTo(history.ordersByStatus.get("CONFIRMED"));
                    assertThat(outcomes.path("cancelled").asLong()).isEqualTo(history.ordersByStatus.get("CANCELLED"));
                    Map<String, Long> because = new TreeMap<>();
                    outcomes.path("cancelledBecause").properties().forEach(e -> because.put(e.getKey(), e.getValue().asLong()));
                    assertThat(because).isEqualTo(history.cancelledBecause);
                });
            }
        }
    }

    @Test
    void aBadTimeIsA400NamingTheParameter(KafkaEndpoint broker) throws Exception {
        createTopics(broker.bootstrapServers());
        try (AnalyticsProcess instance = AnalyticsProcess.start("analytics-it-bad-input", broker.bootstrapServers(),
                "analytics-it-" + UUID.randomUUID().toString().substring(0, 8), List.of())) {
            awaitHealthy(instance);
            AnalyticsProcess.Answer answer = instance.get("/stats/revenue?from=yesterday");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"from\"").contains("ISO-8601");
            assertThat(instance.get("/stats/top-skus?limit=0").body()).contains("\"limit\"");
        }
    }

    private static Map<String, Long> ordersByStatus(AnalyticsProcess instance, String span) {
        Map<String, Long> counts = new TreeMap<>();
        json(instance, "/stats/orders-per-minute?" + span).forEach(minute -> counts.merge(minute.path("status").asString(),
                minute.path("orders").asLong(), Long::sum));
        return counts;
    }

    private static Map<String, BigDecimal> revenue(AnalyticsProcess instance, String span, String field) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        json(instance, "/stats/revenue?" + span).forEach(hour -> sums.merge(hour.path("currency").asString(),
                hour.path(field).decimalValue(), BigDecimal::add));
        return normalized(sums);
    }

    private static Map<String, Long> unitsBySku(AnalyticsProcess instance, String span) {
        Map<String, Long> units = new TreeMap<>();
        json(instance, "/stats/top-skus?limit=1000&" + span).forEach(sku -> units.put(sku.path("sku").asString(), sku.path("units").asLong()));
        return units;
    }

    private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> sums) {
        return sums.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros(), (a, b) -> a, TreeMap::new));
    }

    private static JsonNode json(AnalyticsProcess instance, String path) {
        AnalyticsProcess.Answer answer = instance.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void awaitHealthy(AnalyticsProcess instance) {
        Awaitility.await(instance.name() + " healthy").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(instance.isAlive()).as(instance.name() + " runs (see target/" + instance.name() + ".log)").isTrue();
                    return instance.get("/actuator/health").status() == 200;
                });
    }

    /** Until the group's committed offsets reach the end of every input partition. */
    private static void awaitEverythingConsumed(String bootstrap, String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Awaitility.await("everything consumed by " + group).atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(INPUTS).allTopicNames().get().forEach((topic, description) -> description.partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || (at != null && at.offset() >= end.getValue().offset());
                });
            });
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of("orders.events", "payments.events", "orders.events.dlq", "payments.events.dlq")) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 6, (short) 1));
                }
            }
            admin.createTopics(missing).all().get();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records) throws Exception {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        for (java.util.concurrent.Future<?> future : sent) {
            future.get();
        }
    }
}
