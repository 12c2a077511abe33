package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real three-node KRaft cluster as the platform runs it ({@code --brokers 3}): topics get three replicas by default,
 * and after a kill -9 of the active controller another node leads the quorum, every partition has a live leader, an
 * {@code acks=all} producer keeps writing, and nothing written before or after is lost; the killed node, started
 * again, catches up.
 */
class KafkaClusterIT {

    private static final String TOPIC = "cluster.events";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path folder;

    static KafkaCluster cluster;

    @BeforeAll
    static void start() {
        PlatformLayout layout = PlatformLayout.detect();
        List<KafkaBroker.Node> nodes = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            nodes.add(new KafkaBroker.Node(id, FreePort.any(), FreePort.any()));
        }
        List<KafkaBroker> brokers = new ArrayList<>();
        for (KafkaBroker.Node node : nodes) {
            brokers.add(new KafkaBroker(folder.resolve("kafka-" + node.id()), layout.kafkaClasspath(), node, nodes,
                    folder.resolve("cluster.id"), folder.resolve("kafka-" + node.id() + ".log"), BrokerTimePolicy.TESTS, null));
        }
        cluster = new KafkaCluster(brokers, new ClusterShape(3, 1));
        cluster.prepare();
        brokers.forEach(broker -> broker.process().start());
        brokers.forEach(broker -> broker.process().awaitReady(TIMEOUT));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.brokers().forEach(KafkaBroker::stop);
        }
    }

    @Test
    void losingTheActiveControllerLosesNoAcknowledgedWriteAndTheClusterWritesOn() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, java.util.Optional.of(3), java.util.Optional.empty()))).all().get(30, TimeUnit.SECONDS);
            assertThat(partitions(admin)).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            Set<String> written = new HashSet<>(write("before", 50));

            int controller = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
            KafkaBroker lost = cluster.node(controller).orElseThrow();
            lost.process().kill();
            Instant killed = Instant.now();

            await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
                int leader = admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId();
                return leader >= 0 && leader != controller;
            });
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> partitions(admin).stream()
                    .allMatch(partition -> partition.leader() != null && partition.leader().id() != controller));
            System.out.printf("KafkaClusterIT: node %d (the controller) killed; quorum and partition leaders moved after %.1f s%n", controller,
                    Duration.between(killed, Instant.now()).toMillis() / 1000.0);
            written.addAll(write("after", 50));

            lost.process().start();
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> partitions(admin).stream()
                    .allMatch(partition -> partition.isr().size() == 3));
            assertThat(readAll(written.size())).isEqualTo(written);
        }
    }

    private static List<TopicPartitionInfo> partitions(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS).get(TOPIC);
        return description.partitions();
    }

    /** Writes with acks=all (which min.insync.replicas=2 turns into "two replicas have it"); returns what was acknowledged. */
    private static List<String> write(String prefix, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String value = prefix + "-" + i;
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get(60, TimeUnit.SECONDS);
                values.add(value);
            }
        }
        return values;
    }

    private static Set<String> readAll(int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-it");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> read = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
                return read.size() >= expected;
            });
        }
        return read;
    }
}
