package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import tools.jackson.databind.JsonNode;

/**
 * One W3C trace from {@code POST /orders} to the archive: the trace id the client sends is in every event the services
 * commit about the order (the monolith's, inventory's and payment's answers, the saga's outcome), in their Kafka
 * headers, in Elasticsearch's {@code trace.id} and in the archived lines; each consumer continues the trace in a span
 * of its own. An order placed without a trace gets a new one, which its downstream events share.
 */
@Order(14)
@ExtendWith(SharedPlatform.class)
class TracingIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> TOPICS = List.of("orders.events", "inventory.events", "payments.events");

    static final String TRACE_ID = randomHex(16);
    static final String CLIENT_SPAN_ID = randomHex(8);
    static String tracedOrder;
    static String untracedOrder;
    static Set<String> tracedEvents;
    static Map<String, String> traceparents;
    static Map<String, List<ConsumerRecord<String, String>>> records;
    static SinkContents sinks;

    @BeforeAll
    static void placeOneOrderInATraceAndOneWithout(LocalPlatform platform) throws Exception {
        sinks = new SinkContents(platform);
        ServiceDatabases databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(14);
        List<OrderEvents> topics = TOPICS.stream().map(topic -> new OrderEvents(platform.kafka().bootstrapServers(), topic)).toList();
        try {
            tracedOrder = api.place(generator.nextOrderJson(), "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01").path("orderId").asString();
            untracedOrder = api.place(generator.nextOrderJson()).path("orderId").asString();
            Set<String> published = sinks.publishedOnceSettled(List.of(tracedOrder, untracedOrder), TIMEOUT);
            sinks.awaitEachEventOnceInBothSinks(published, TIMEOUT);
            tracedEvents = databases.committedEvents(List.of(tracedOrder)).keySet();
            traceparents = databases.traceparents(List.of(tracedOrder, untracedOrder));
            topics.forEach(events -> events.readToEnd(TIMEOUT));
            records = topics.stream().flatMap(events -> java.util.stream.Stream.of(tracedOrder, untracedOrder).flatMap(o -> events.of(o).stream()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
        } finally {
            topics.forEach(OrderEvents::close);
        }
    }

    @AfterAll
    static void close() {
        if (sinks != null) {
            sinks.close();
        }
    }

    @Test
    void writesTheClientsTraceIdIntoEveryOutboxEventOfTheOrderAcrossTheServices() {
        // OrderPlaced (monolith, HTTP), the inventory and payment answers (their inbox), OrderConfirmed/Cancelled (saga)
        assertThat(tracedEvents).hasSizeGreaterThanOrEqualTo(4);
        for (String event : tracedEvents) {
            assertThat(traceIdOf(traceparents.get(event))).as("traceparent of event %s", event).isEqualTo(TRACE_ID);
        }
    }

    @Test
    void continuesTheTraceInAChildSpanInEachServiceInsteadOfReusingTheCallersSpan() {
        Set<String> spans = tracedEvents.stream().map(event -> spanIdOf(traceparents.get(event))).collect(Collectors.toSet());

        assertThat(spans).as("the span that wrote each event").doesNotContain(CLIENT_SPAN_ID);
        // the monolith's request, inventory's and payment's consumers, the saga: at least three spans wrote events
        assertThat(spans).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void startsOneNewTraceForAnOrderPlacedWithoutTraceparent() {
        Set<String> untraced = traceparents.keySet().stream().filter(event -> !tracedEvents.contains(event)).collect(Collectors.toSet());
        Set<String> traceIds = untraced.stream().map(event -> traceIdOf(traceparents.get(event))).collect(Collectors.toSet());

        assertThat(untraced).hasSizeGreaterThanOrEqualTo(4);
        assertThat(traceIds).hasSize(1).doesNotContain(TRACE_ID, "null");
    }

    @Test
    void carriesTheTraceparentInTheKafkaHeaderOfEveryEvent() {
        List<ConsumerRecord<String, String>> traced = records.getOrDefault(tracedOrder, List.of());
        assertThat(traced.stream().map(record -> OrderEvents.header(record, "id")).collect(Collectors.toSet()))
                .as("the order's records in %s", TOPICS).containsAll(tracedEvents);
        for (ConsumerRecord<String, String> record : traced) {
            String event = OrderEvents.header(record, "id");
            assertThat(OrderEvents.header(record, "traceparent")).as("%s header of event %s", record.topic(), event)
                    .isEqualTo(traceparents.get(event));
        }
    }

    @Test
    void findsExactlyTheOrdersEventsByTraceIdInElasticsearch() {
        JsonNode hits = sinks.search("/events-*/_search", "{\"size\": 100, \"query\": {\"term\": {\"trace.id\": \"" + TRACE_ID + "\"}}}")
                .path("hits").path("hits");
        Set<String> found = new java.util.HashSet<>();
        hits.forEach(hit -> found.add(hit.path("_id").asString()));

        assertThat(found).isEqualTo(tracedEvents);
        hits.forEach(hit -> assertThat(hit.path("_source").path("span").path("id").asString())
                .isEqualTo(spanIdOf(traceparents.get(hit.path("_id").asString()))));
    }

    @Test
    void keepsTheTraceparentInEveryArchivedLine() throws Exception {
        Map<String, Set<String>> archived = sinks.archived().traceparents(tracedEvents);

        assertThat(archived.keySet()).isEqualTo(tracedEvents);
        archived.forEach((event, lines) -> assertThat(lines).as("archived lines of event %s", event)
                .containsExactly(traceparents.get(event)));
    }

    private static String traceIdOf(String traceparent) {
        return "null".equals(traceparent) ? "null" : traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return "null".equals(traceparent) ? "null" : traceparent.split("-")[2];
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(random);
    }
}
