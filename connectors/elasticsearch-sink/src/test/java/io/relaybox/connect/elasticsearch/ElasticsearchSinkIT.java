package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorOffsets;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.connectctl.ConnectorValidation;
import io.relaybox.connectctl.TargetState;
import io.relaybox.testkit.KafkaExtension;
import io.relaybox.connect.support.PluginVersion;

/**
 * The sink in a real worker against a real Elasticsearch: sagas of 150 orders over five hours, with re-sent and stale
 * events, indexed once each; the order index holds each order's latest state; redelivery after deleting or rewinding
 * the offsets changes no count; refused records reach the dead-letter topic; the password never reaches the log.
 */
@ExtendWith(SinkStackExtension.class)
@ExtendWith(KafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchSinkIT {

    private static final String CONNECTOR = "it-sink";
    private static final String ORDERS = "it.orders.events";
    private static final String INVENTORY = "it.inventory.events";
    private static final String PAYMENTS = "it.payments.events";
    private static final String EVENT_INDICES = "it-events-*";
    private static final String ORDER_INDEX = "it-orders";
    private static final Duration INDEXED = Duration.ofSeconds(90);

    private static SinkStack stack;
    private static EsQueries queries;
    private static OrderHistory history;

    @BeforeAll
    static void createTopics(SinkStack sinkStack) {
        stack = sinkStack;
        queries = new EsQueries(stack.es());
        stack.createTopics(6, ORDERS, INVENTORY, PAYMENTS);
        history = OrderHistory.of(150, OrderHistory.START, ORDERS, INVENTORY, PAYMENTS, 42);
    }

    @AfterAll
    static void deleteConnectors() {
        for (String name : List.of(CONNECTOR, "it-dlq-sink", "it-strict-sink", "it-figures-sink")) {
            stack.connectClient().delete(name);
        }
    }

    @Test
    @Order(1)
    void isFoundByTheWorkersServiceLoaderDiscovery() {
        assertThat(stack.connectClient().plugins(false)).anySatisfy(plugin -> {
            assertThat(plugin.className()).isEqualTo(ElasticsearchSinkConnector.class.getName());
            assertThat(plugin.type()).isEqualTo("sink");
            assertThat(plugin.version()).isEqualTo(PluginVersion.of(ElasticsearchSinkConnector.class));
        });
    }

    @Test
    @Order(2)
    void namesEachInvalidSettingThroughTheValidateEndpoint() {
        Map<String, String> bad = new HashMap<>();
        bad.put("bulk.max.records", "0");
        bad.put("connection.api.key", "${env:" + SinkStack.PASSWORD_VARIABLE + "}");
        bad.put("topics", ORDERS);
        bad.put("orders.topics", "it.unknown.events");

        ConnectorValidation validation = stack.connectClient().validate(stack.connector("it-invalid", bad));

        Map<String, List<String>> errors = validation.errors().stream().collect(Collectors.groupingBy(ConnectorValidation.FieldError::key,
                Collectors.mapping(ConnectorValidation.FieldError::message, Collectors.toList())));
        assertThat(errors.get("bulk.max.records")).singleElement().asString().contains("at least 1");
        assertThat(validation.types()).containsEntry("connection.password", "PASSWORD").containsEntry("connection.api.key", "PASSWORD");

        bad.remove("bulk.max.records");
        errors = stack.connectClient().validate(stack.connector("it-invalid", bad)).errors().stream()
                .collect(Collectors.groupingBy(ConnectorValidation.FieldError::key,
                        Collectors.mapping(ConnectorValidation.FieldError::message, Collectors.toList())));
        assertThat(errors.get("connection.api.key")).singleElement().asString().contains("not both");
        assertThat(errors.get("orders.topics")).singleElement().asString().contains("it.unknown.events");

        Map<String, String> wrongPassword = Map.of("connection.password", "wrong", "topics", ORDERS, "orders.topics", ORDERS);
        errors = stack.connectClient().validate(stack.connector("it-invalid", wrongPassword)).errors().stream()
                .collect(Collectors.groupingBy(ConnectorValidation.FieldError::key,
                        Collectors.mapping(ConnectorValidation.FieldError::message, Collectors.toList())));
        assertThat(errors.get("connection.username")).singleElement().asString().contains("refuses these credentials (HTTP 401)");

        Map<String, String> nobodyThere = Map.of("connection.urls", "https://127.0.0.1:1", "topics", ORDERS, "orders.topics", ORDERS);
        errors = stack.connectClient().validate(stack.connector("it-invalid", nobodyThere)).errors().stream()
                .collect(Collectors.groupingBy(ConnectorValidation.FieldError::key,
                        Collectors.mapping(ConnectorValidation.FieldError::message, Collectors.toList())));
        assertThat(errors.get("connection.urls")).singleElement().asString().contains("cannot reach Elasticsearch");
    }

    @Test
    @Order(3)
    void indexesEveryEventOnceAndEachOrdersLatestState() {
        stack.register(connector());
        try (KafkaProducer<String, String> producer = stack.producer()) {
            history.produce(producer);
        }

        awaitCommittedToTheEnd(CONNECTOR, ORDERS, INVENTORY, PAYMENTS);

        assertEventsIndexedOnce();
        assertOrderStates();
    }

    @Test
    @Order(4)
    void sumsOrderTotalsPerHourAsTheEventsDo() {
        Map<Instant, BigDecimal> fromOrderIndex = queries.sumPerHour(ORDER_INDEX, Query.of(q -> q.matchAll(m -> m)), "placedAt", "total");
        Map<Instant, BigDecimal> fromEventIndex = queries.sumPerHour(EVENT_INDICES,
                Query.of(q -> q.term(t -> t.field("type").value("OrderPlaced"))), "occurredAt", "payload.total");

        assertThat(fromOrderIndex).hasSizeGreaterThanOrEqualTo(5).isEqualTo(history.orderTotalsPerHour());
        assertThat(fromEventIndex).isEqualTo(history.placedTotalsPerHour());
    }

    @Test
    @Order(5)
    void keepsEveryCountWhenTheOffsetsAreDeletedAndEverythingIsRedelivered() {
        stack.connectClient().stop(CONNECTOR);
        stack.connectClient().awaitState(CONNECTOR, TargetState.STOPPED, Duration.ofSeconds(30));
        stack.connectClient().resetOffsets(CONNECTOR);
        assertThat(stack.connectClient().offsets(CONNECTOR).offsets()).isEmpty();
        stack.connectClient().resume(CONNECTOR);
        stack.connectClient().awaitRunning(CONNECTOR, Duration.ofSeconds(60));

        awaitCommittedToTheEnd(CONNECTOR, ORDERS, INVENTORY, PAYMENTS);

        assertEventsIndexedOnce();
        assertOrderStates();
        // every event document was written again: the redelivery happened, and overwrote instead of adding
        assertThat(queries.documents(EVENT_INDICES).values()).allSatisfy(hit -> assertThat(hit.version()).isGreaterThanOrEqualTo(2L));
    }

    @Test
    @Order(6)
    void keepsEveryCountWhenTheOffsetsAreRewoundHalfway() {
        stack.connectClient().stop(CONNECTOR);
        stack.connectClient().awaitState(CONNECTOR, TargetState.STOPPED, Duration.ofSeconds(30));
        Map<TopicPartition, Long> end = endOffsets(ORDERS);
        List<ConnectorOffsets.Entry> rewound = new ArrayList<>();
        end.forEach((partition, offset) -> rewound.add(new ConnectorOffsets.Entry(
                Map.of("kafka_topic", partition.topic(), "kafka_partition", partition.partition()), Map.of("kafka_offset", offset / 2))));
        stack.connectClient().alterOffsets(CONNECTOR, new ConnectorOffsets(rewound));
        stack.connectClient().resume(CONNECTOR);
        stack.connectClient().awaitRunning(CONNECTOR, Duration.ofSeconds(60));

        awaitCommittedToTheEnd(CONNECTOR, ORDERS, INVENTORY, PAYMENTS);

        assertEventsIndexedOnce();
        assertOrderStates();
    }

    @Test
    @Order(7)
    void sendsUnindexableRecordsToTheDeadLetterTopicAndGoesOn() {
        String topic = "it.dlq-test.events";
        stack.createTopics(1, topic);
        stack.register(stack.connector("it-dlq-sink", Map.of("topics", topic, "orders.topics", "", "tasks.max", "1",
                "index.prefix", "dlq-events-", "orders.index", "dlq-orders", "errors.deadletterqueue.topic.name", "it-dlq-sink.dlq")));
        Instant at = OrderHistory.START;
        List<OrderHistory.Event> events = List.of(
                new OrderHistory.Event(topic, "o-1", "e-good-1", "OrderNoted", at, "{\"orderId\":\"o-1\",\"total\":1.50}"),
                new OrderHistory.Event(topic, "o-2", "e-not-json", "OrderNoted", at, "this is not JSON"),
                new OrderHistory.Event(topic, "o-3", "e-bad-total", "OrderNoted", at, "{\"orderId\":\"o-3\",\"total\":\"a lot\"}"),
                new OrderHistory.Event(topic, "o-4", "e-good-2", "OrderNoted", at, "{\"orderId\":\"o-4\",\"total\":2.50}"));
        try (KafkaProducer<String, String> producer = stack.producer()) {
            OrderHistory.send(producer, events);
        }

        awaitCommittedToTheEnd("it-dlq-sink", topic);

        assertThat(queries.documents("dlq-events-*").keySet()).containsExactlyInAnyOrder("e-good-1", "e-good-2");
        List<ConsumerRecord<String, String>> dead = readAll("it-dlq-sink.dlq", 2);
        assertThat(dead).extracting(r -> header(r, "id")).containsExactly("e-not-json", "e-bad-total");
        assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("the payload is not JSON");
        assertThat(header(dead.get(1), "__connect.errors.exception.message")).contains("document_parsing_exception")
                .contains(topic + "-0@2 (event id e-bad-total)");
        assertThat(stack.connectClient().status("it-dlq-sink")).hasValueSatisfying(s -> assertThat(s.isRunning()).isTrue());
    }

    @Test
    @Order(8)
    void failsTheTaskNamingTheRecordWhenErrorsAreNotTolerated() {
        String topic = "it.strict.events";
        stack.createTopics(1, topic);
        stack.register(stack.connector("it-strict-sink", Map.of("topics", topic, "orders.topics", "", "tasks.max", "1",
                "index.prefix", "strict-events-", "orders.index", "strict-orders", "errors.tolerance", "none")));
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = stack.producer()) {
            OrderHistory.send(producer, List.of(new OrderHistory.Event(topic, "o-1", eventId, "OrderNoted", Instant.now(),
                    "{\"orderId\":\"o-1\",\"placedAt\":\"last tuesday\"}")));
        }

        ConnectorStatus failed = stack.connectClient().awaitState("it-strict-sink", TargetState.FAILED, Duration.ofSeconds(60)).orElseThrow();

        String trace = failed.tasks().get(0).trace();
        assertThat(trace).contains("Elasticsearch refused the document strict-events-" + topic + "/" + eventId)
                .contains(topic + "-0@0 (event id " + eventId + ")").contains("errors.tolerance=all");
        assertThat(stack.connectClient().offsets("it-strict-sink").offsets()).isEmpty();
    }

    @Test
    @Order(8)
    void indexesKeyedFiguresOneDocumentPerKeyTheLatestWinning() {
        String topic = "it.figures";
        stack.createTopics(1, topic);
        stack.register(stack.connector("it-figures-sink", Map.of("topics", topic, "document.mode", "keyed-json", "tasks.max", "1",
                "index.prefix", "it-figures-", "errors.deadletterqueue.topic.name", "it-figures-sink.dlq")));
        String hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        try (KafkaProducer<String, String> producer = stack.producer()) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "EUR@" + hour,
                    "{\"currency\":\"EUR\",\"windowStart\":\"" + hour + "\",\"net\":10.00,\"payments\":1}"));
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "USD@" + hour,
                    "{\"currency\":\"USD\",\"windowStart\":\"" + hour + "\",\"net\":3.50,\"payments\":1}"));
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "EUR@" + hour,
                    "{\"currency\":\"EUR\",\"windowStart\":\"" + hour + "\",\"net\":12.50,\"payments\":2}"));
        }

        awaitCommittedToTheEnd("it-figures-sink", topic);

        Map<String, Hit<ObjectNode>> figures = queries.documents("it-figures-figures");
        assertThat(figures.keySet()).containsExactlyInAnyOrder("EUR@" + hour, "USD@" + hour);
        assertThat(figures.get("EUR@" + hour).source().path("net").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(figures.get("EUR@" + hour).source().path("payments").asLong()).isEqualTo(2);
    }

    @Test
    @Order(9)
    void neverWritesTheElasticsearchPasswordToTheWorkersLog() throws Exception {
        String log = java.nio.file.Files.readString(stack.workerLog());

        // the tasks above logged their configuration, so the setting itself is in the log, masked
        assertThat(log).contains("connection.password = [hidden]");
        assertThat(log).doesNotContain(stack.elasticsearchPassword());
    }

    @Test
    @Order(10)
    void makesTraceIdSearchableInAnIndexAnOlderSinkCreated() throws Exception {
        String index = "it-upgrade-events-orders.events";
        stack.es().indices().create(request -> request.index(index).withJson(new java.io.StringReader(
                "{\"mappings\":{\"dynamic\":false,\"properties\":{\"eventId\":{\"type\":\"keyword\"}}}}")));
        stack.es().index(request -> request.index(index).id("e-1").refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .withJson(new java.io.StringReader("{\"eventId\":\"e-1\",\"trace\":{\"id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}}")));

        io.relaybox.connect.elasticsearch.client.IndexTemplates.install(stack.es(),
                io.relaybox.connect.elasticsearch.client.IndexTemplates.bundled("it-upgrade-events-", "it-upgrade-orders"));
        stack.es().index(request -> request.index(index).id("e-2").refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .withJson(new java.io.StringReader("{\"eventId\":\"e-2\",\"trace\":{\"id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}}")));

        assertThat(stack.es().indices().getMapping(request -> request.index(index)).get(index).mappings().properties())
                .containsKeys("trace", "span", "traceparent");
        // documents written after the upgrade are found by their trace id (those before it need a reindex)
        assertThat(stack.es().search(request -> request.index(index)
                .query(Query.of(q -> q.term(t -> t.field("trace.id").value("4bf92f3577b34da6a3ce929d0e0e4736")))), ObjectNode.class)
                .hits().hits()).extracting(Hit::id).containsExactly("e-2");
    }

    private static ConnectorDefinition connector() {
        return stack.connector(CONNECTOR, Map.of("topics", String.join(",", ORDERS, INVENTORY, PAYMENTS), "orders.topics", ORDERS,
                "index.prefix", "it-events-", "orders.index", ORDER_INDEX, "errors.deadletterqueue.topic.name", "it-sink.dlq",
                "linger.ms", "20"));
    }

    private static void assertEventsIndexedOnce() {
        assertThat(queries.count(EVENT_INDICES)).isEqualTo(history.eventIds().size());
        assertThat(queries.documents(EVENT_INDICES).keySet()).isEqualTo(history.eventIds());
    }

    private static void assertOrderStates() {
        Map<String, Hit<ObjectNode>> orders = queries.documents(ORDER_INDEX);
        assertThat(orders).hasSize(history.orders().size());
        history.orders().values().forEach(expected -> {
            ObjectNode order = orders.get(expected.orderId()).source();
            assertThat(order.path("status").asText()).as(expected.orderId()).isEqualTo(expected.status());
            assertThat(order.path("lastEvent").path("type").asText()).as(expected.orderId()).isEqualTo(expected.lastType());
            assertThat(order.path("total").decimalValue()).as(expected.orderId()).isEqualByComparingTo(expected.total());
        });
    }

    /** Waits until the connector committed the end offset of every partition: everything before is acknowledged. */
    private static void awaitCommittedToTheEnd(String connector, String... topics) {
        Map<TopicPartition, Long> end = endOffsets(topics);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(committed(connector)).isEqualTo(
                end.entrySet().stream().filter(e -> e.getValue() > 0).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    private static Map<TopicPartition, Long> committed(String connector) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (ConnectorOffsets.Entry entry : stack.connectClient().offsets(connector).offsets()) {
            committed.put(new TopicPartition(entry.partition().get("kafka_topic").toString(),
                    ((Number) entry.partition().get("kafka_partition")).intValue()), ((Number) entry.offset().get("kafka_offset")).longValue());
        }
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets(String... topics) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
