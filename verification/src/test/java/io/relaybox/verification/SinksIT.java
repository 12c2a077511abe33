package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders placed over HTTP reach both sinks through the whole platform (outbox, Debezium, Kafka, the sink
 * connectors): Elasticsearch and the S3 archive hold every event the services published about them exactly once, the
 * {@code orders} index agrees with the monolith's database, and Kibana's revenue per hour is the database's.
 */
@Order(2)
@ExtendWith(SharedPlatform.class)
class SinksIT {

    private static final int ORDERS = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static final Set<String> placed = ConcurrentHashMap.newKeySet();
    static Set<String> published;
    static SinkContents sinks;
    static ServiceDatabases databases;

    @BeforeAll
    static void placeOrdersAndAwaitTheSinks(LocalPlatform platform) throws Exception {
        sinks = new SinkContents(platform);
        databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        placed.addAll(OrderLoad.place(api, new OrderGenerator(2), ORDERS, 8));
        published = sinks.publishedOnceSettled(placed, TIMEOUT);
        sinks.awaitEachEventOnceInBothSinks(published, TIMEOUT);
    }

    @AfterAll
    static void close() {
        if (sinks != null) {
            sinks.close();
        }
    }

    @Test
    void holdsEveryPublishedEventOnceInElasticsearchAndInTheArchive() {
        // OrderPlaced, an inventory and a payment answer, then OrderConfirmed or OrderCancelled (and compensations)
        assertThat(published).hasSizeGreaterThanOrEqualTo(4 * ORDERS);
        assertThat(sinks.searchable(published)).isEqualTo(published.size());
        assertThat(sinks.archived(published).distinct()).isEqualTo(published.size());
        assertThat(sinks.archived(published).copies()).isZero();
        // no worker crashed while these were published: Kafka holds each event once, and so does the archive
        assertThat(sinks.archived(published).resent()).isZero();
    }

    /** Runs before the tests that put copies into Kafka on purpose (duplicate delivery, worker crashes). */
    @Test
    void passesTheArchiveToolsVerificationForEveryTopic(LocalPlatform platform) throws Exception {
        ArchiveToolCommand tool = new ArchiveToolCommand(platform.settings().layout().home(), sinks.endpoints());
        for (String topic : List.of("orders.events", "inventory.events", "payments.events")) {
            // exactly-once sources write transactions: a commit marker after each leaves an offset no sink sees
            ArchiveToolCommand.Run verify = platform.settings().exactlyOnceSource() ? tool.run("verify", "--topic", topic, "--transactional")
                    : tool.run("verify", "--topic", topic);
            assertThat(verify.exitStatus()).as("archive verify --topic %s: %s", topic, verify.output()).isZero();
        }
    }

    @Test
    void rebuildsEveryOrdersFinalStateFromTheArchiveReplayedIntoANewTopic(LocalPlatform platform) throws Exception {
        String rebuilt = "orders.events.rebuilt";
        try (EventTopics topics = new EventTopics(platform.kafka().bootstrapServers())) {
            topics.createAndAwait(rebuilt, topics.endOffsets(List.of("orders.events")).size());
        }
        ArchiveToolCommand tool = new ArchiveToolCommand(platform.settings().layout().home(), sinks.endpoints());
        try (OrderEvents replayed = new OrderEvents(platform.kafka().bootstrapServers(), rebuilt)) {
            ArchiveToolCommand.Run replay = tool.run("replay", "--topic", "orders.events", "--to-topic", rebuilt,
                    "--bootstrap", platform.kafka().bootstrapServers());
            assertThat(replay.exitStatus()).as("archive replay: %s", replay.output()).isZero();

            // a fresh consumer of the new topic: each order's last state event carries its final state
            replayed.awaitUntil(events -> placed.stream().allMatch(order -> events.types(order).stream()
                    .anyMatch(type -> type.equals("OrderConfirmed") || type.equals("OrderCancelled"))), TIMEOUT);
            Map<String, String> rebuiltStates = new TreeMap<>();
            for (String order : placed) {
                List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = replayed.of(order);
                JsonNode last = JSON.readTree(records.get(records.size() - 1).value());
                rebuiltStates.put(order, String.join(" | ", text(last.path("status")), text(last.path("currency")),
                        new BigDecimal(text(last.path("total"))).setScale(2).toPlainString()));
            }
            Map<String, String> database = databases.byOrder(ServiceDatabases.ORDERS, "SELECT id::text, concat_ws(' | ', status,"
                    + " currency, total) FROM orders WHERE id = ANY (?)", placed);
            assertThat(rebuiltStates).isEqualTo(new TreeMap<>(database));
        }
    }

    /*
     * The order events carry the order as the monolith published it: status, currency, total (inventoryStatus and
     * paymentStatus as of that event; a refund after the cancellation changes the database's paymentStatus without a
     * new order event), so the states are compared on what the events define.
     */
    @Test
    void keepsTheStateOfEveryOrderInTheOrdersIndexAsTheMonolithsDatabaseHasIt() {
        Map<String, String> expected = databases.byOrder(ServiceDatabases.ORDERS, "SELECT id::text, concat_ws(' | ', status,"
                + " currency, total) FROM orders WHERE id = ANY (?)", placed);
        ObjectNode query = JSON.createObjectNode().put("size", ORDERS);
        placed.forEach(query.putObject("query").putObject("terms").putArray("orderId")::add);
        Map<String, String> indexed = new TreeMap<>();
        for (JsonNode hit : sinks.search("/orders/_search", query.toString()).path("hits").path("hits")) {
            JsonNode order = hit.path("_source");
            indexed.put(hit.path("_id").asString(), String.join(" | ", text(order.path("status")),
                    text(order.path("currency")), new BigDecimal(text(order.path("total"))).setScale(2).toPlainString()));
        }
        assertThat(indexed).isEqualTo(new TreeMap<>(expected));
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asString();
    }

    @Test
    void sumsOrderTotalsPerHourInElasticsearchAsTheDatabaseDoes() {
        Map<String, String> expected = new TreeMap<>(databases.byOrder(ServiceDatabases.ORDERS, "SELECT concat(to_char("
                + "date_trunc('hour', placed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD\"T\"HH24'), ' ', currency), sum(total)::text"
                + " FROM orders WHERE id = ANY (?) GROUP BY 1", placed));
        expected.replaceAll((hour, sum) -> new BigDecimal(sum).setScale(2).toPlainString());

        ObjectNode query = JSON.createObjectNode().put("size", 0);
        placed.forEach(query.putObject("query").putObject("terms").putArray("orderId")::add);
        ObjectNode perHour = query.putObject("aggs").putObject("per_hour");
        perHour.putObject("date_histogram").put("field", "placedAt").put("calendar_interval", "1h")
                .put("format", "yyyy-MM-dd'T'HH").put("time_zone", "UTC").put("min_doc_count", 1);
        ObjectNode perCurrency = perHour.putObject("aggs").putObject("per_currency");
        perCurrency.putObject("terms").put("field", "currency").put("size", 100);
        perCurrency.putObject("aggs").putObject("revenue").putObject("sum").put("field", "total");

        Map<String, String> summed = new TreeMap<>();
        for (JsonNode hour : sinks.search("/orders/_search", query.toString()).path("aggregations").path("per_hour").path("buckets")) {
            for (JsonNode currency : hour.path("per_currency").path("buckets")) {
                summed.put(hour.path("key_as_string").asString() + " " + currency.path("key").asString(),
                        SinkContents.money(currency.path("revenue").path("value")).toPlainString());
            }
        }
        System.out.println("revenue per hour and currency, Elasticsearch = database: " + summed);
        assertThat(summed).isNotEmpty().isEqualTo(expected);
    }
}
