package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded relay against a real PostgreSQL (logical replication) and a real Kafka, with the platform's own
 * {@code orders-outbox-source.json} and the outbox library's own migration: it writes what Connect would write, and a
 * kill -9 in the middle of a stream loses no event (at least once: it may send again what it sent after its last
 * committed offset, and says how many).
 */
class EmbeddedRelayIT {

    private static final String TOPIC = "orders.events";
    private static final String OWNER = "orders_app";
    private static final String OWNER_PASSWORD = "app-pw";
    private static final String CDC_PASSWORD = "cdc-pw";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path folder;

    static PostgresServer postgres;
    static KafkaBroker kafka;
    static EmbeddedRelay relay;

    @BeforeAll
    static void start() throws Exception {
        PlatformLayout layout = PlatformLayout.detect();
        postgres = PostgresServer.create(folder.resolve("pgdata"), FreePort.any(), folder.resolve("postgres.log"), "s3cret");
        postgres.start(Duration.ofSeconds(60));
        kafka = new KafkaBroker(folder.resolve("kafka"), layout.kafkaClasspath(), FreePort.any(), FreePort.any(), folder.resolve("kafka.log"),
                BrokerTimePolicy.TESTS);
        kafka.start(Duration.ofSeconds(90));

        postgres.ensureRole(ServiceDatabase.CDC_ROLE, CDC_PASSWORD, true);
        postgres.ensureRole(OWNER, OWNER_PASSWORD, false);
        postgres.ensureDatabase("orders", OWNER);
        postgres.execute("orders", "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public GRANT SELECT ON TABLES TO "
                + ServiceDatabase.CDC_ROLE);
        try (Connection connection = owner(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(layout.home().resolve(
                    "outbox-library/outbox-core/src/main/resources/db/relaybox/outbox/V0_1_0__relaybox_outbox_event.sql")));
        }

        relay = new EmbeddedRelay(folder.resolve("relay"), layout.relayClasspath(), kafka.bootstrapServers(),
                List.of(layout.connectorFolder().resolve("orders-outbox-source.json")),
                Map.of("database.hostname", "127.0.0.1", "database.port", Integer.toString(postgres.port())), FreePort.any(),
                folder.resolve("relay.log"), Map.of("RELAYBOX_CDC_PASSWORD", CDC_PASSWORD));
        relay.start(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
            postgres.deleteData();
        }
    }

    @Test
    void relaysACommittedEventWithTheKeyValueAndHeadersConnectWrites() throws Exception {
        UUID id = UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        insert(List.of(id), orderId, "{\"orderId\": \"" + orderId + "\", \"total\": 12.50}");

        ConsumerRecord<String, String> record = await().atMost(TIMEOUT).until(() -> read().get(id.toString()), found -> found != null).get(0);

        assertThat(record.key()).isEqualTo(orderId);
        assertThat(JsonMapper.shared().readTree(record.value())).isEqualTo(
                JsonMapper.shared().readTree("{\"orderId\": \"" + orderId + "\", \"total\": 12.50}"));
        assertThat(header(record, "type")).isEqualTo("OrderPlaced");
        assertThat(header(record, "schemaversion")).isEqualTo("2");
        assertThat(header(record, "occurredat")).isNotBlank();
        assertThat(relay.status()).contains("orders-outbox-source").contains("RUNNING");
    }

    @Test
    void losesNoEventWhenKilledMidStreamAndGoesOnFromItsCommittedOffset() throws Exception {
        List<UUID> written = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    List<UUID> ids = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        ids.add(UUID.randomUUID());
                    }
                    insert(ids, UUID.randomUUID().toString(), "{\"n\": 1}");
                    written.addAll(ids);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "outbox-writer");
        writer.start();
        try {
            // the relay streams (its topic grows), then dies mid-stream while the service keeps committing events
            await().atMost(TIMEOUT).until(() -> recordsInTopic() >= 1_000);
            long killed = relay.process().pid();
            relay.process().kill();
            int atKill = written.size();
            await().atMost(TIMEOUT).until(() -> written.size() >= atKill + 1_000);
            relay.process().startAndAwaitReady(TIMEOUT);
            assertThat(relay.process().pid()).isNotEqualTo(killed);
            int atRestart = written.size();
            await().atMost(TIMEOUT).until(() -> written.size() >= atRestart + 1_000);
        } finally {
            writing.set(false);
            writer.join();
        }

        Set<String> committed = ConcurrentHashMap.newKeySet();
        written.forEach(id -> committed.add(id.toString()));
        Map<String, List<ConsumerRecord<String, String>>> inKafka = await().atMost(TIMEOUT).until(EmbeddedRelayIT::read,
                records -> records.keySet().containsAll(committed));
        long twice = committed.stream().filter(id -> inKafka.get(id).size() > 1).count();
        System.out.printf("embedded relay, kill -9 while streaming: %d events committed, all in Kafka, %d of them twice%n", committed.size(),
                twice);
    }

    @Test
    void keepsItsOffsetsInKafkaUnderTheKeyConnectsOffsetStoreUses() {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        String offsets = "relaybox-relay-offsets";
        Set<String> keys = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = await().atMost(TIMEOUT).until(() -> consumer.partitionsFor(offsets, Duration.ofSeconds(5)),
                    found -> !found.isEmpty()).stream().map(partition -> new TopicPartition(offsets, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        // the key Connect writes for the same connector: one offset per connector and source partition, readable with its tools
        assertThat(keys).containsExactly("[\"orders-outbox-source\",{\"server\":\"orders\"}]");
    }

    private static void insert(List<UUID> ids, String aggregateId, String payload) throws SQLException {
        try (Connection connection = owner()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, aggregateid, type,"
                    + " payload, schemaversion, occurredat) VALUES (?, 'orders', ?, 'OrderPlaced', ?::jsonb, 2, now())")) {
                for (UUID id : ids) {
                    insert.setObject(1, id);
                    insert.setString(2, aggregateId);
                    insert.setString(3, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** How many records the topic holds (the sum of its partitions' end offsets). */
    private static long recordsInTopic() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5)).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every record of the topic so far, by its header {@code id}, read as the platform's consumers read (committed only). */
    private static Map<String, List<ConsumerRecord<String, String>>> read() {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5)).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> byId.computeIfAbsent(header(record, "id"), id -> new ArrayList<>()).add(record));
            }
        }
        return byId;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("orders"), OWNER, OWNER_PASSWORD);
    }
}
