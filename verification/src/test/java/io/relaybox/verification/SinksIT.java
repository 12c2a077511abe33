package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.contracts.EventContractValidator;
import io.relaybox.contracts.EventType;
import io.relaybox.contracts.EventUpcasters;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlers;
import io.relaybox.outbox.inbox.InboxEvent;
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

    private static final int ORDERS = 100;
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

    /**
     * The archive keeps the order events of every version, and today's consumers read them: the events of v1 among
     * the orders placed here (the monolith writes v1 for half of them), replayed from the archive into a new topic, go
     * through what a consumer's inbox does with a received event (the check against the schema of the version in the
     * record's header, the upcaster to the current version, the shared payload type the handlers read), and what
     * inventory and payment read from each, the lines to reserve and the charge, is what they reserved and charged at
     * the time, as their databases hold it.
     */
    @Test
    void replaysOrderEventsOfVersionOneThatTodaysConsumersReadAsTheyDidAtTheTime(LocalPlatform platform) throws Exception {
        String replayTopic = "orders.events.v1-replayed";
        try (EventTopics topics = new EventTopics(platform.kafka().bootstrapServers())) {
            topics.createAndAwait(replayTopic, topics.endOffsets(List.of("orders.events")).size());
        }
        Map<String, String> readLines = new TreeMap<>();
        Map<String, String> readCharges = new TreeMap<>();
        List<String> channels = new ArrayList<>();
        EventHandler consumersView = EventHandlers.builder().jsonMapper(JsonMapper.shared())
                .upcaster(EventUpcasters.toCurrentVersions())
                .on(EventType.ORDER_PLACED.typeName(), EventType.ORDER_PLACED.currentVersion(), OrderPayload.class, (event, order, connection) -> {
                    readLines.put(order.orderIdMatching(event).toString(), order.lines().stream()
                            .collect(Collectors.groupingBy(OrderPayload.Line::sku, TreeMap::new, Collectors.summingInt(OrderPayload.Line::quantity)))
                            .toString());
                    readCharges.put(order.orderId().toString(), String.join(" ", order.customerId(), order.currency(),
                            order.total().stripTrailingZeros().toPlainString()));
                    channels.add(order.salesChannel());
                })
                .ignore(EventType.ORDER_CONFIRMED.typeName()).ignore(EventType.ORDER_CANCELLED.typeName())
                .build();
        EventContractValidator contracts = new EventContractValidator();
        ArchiveToolCommand tool = new ArchiveToolCommand(platform.settings().layout().home(), sinks.endpoints());
        try (OrderEvents replayed = new OrderEvents(platform.kafka().bootstrapServers(), replayTopic)) {
            ArchiveToolCommand.Run replay = tool.run("replay", "--topic", "orders.events", "--to-topic", replayTopic,
                    "--bootstrap", platform.kafka().bootstrapServers());
            assertThat(replay.exitStatus()).as("archive replay: %s", replay.output()).isZero();
            replayed.awaitUntil(events -> placed.stream().allMatch(order -> events.types(order).contains("OrderPlaced")), TIMEOUT);

            Set<String> versionOne = new TreeSet<>();
            for (String order : placed) {
                for (ConsumerRecord<String, String> record : replayed.of(order)) {
                    int version = Integer.parseInt(OrderEvents.header(record, "schemaversion"));
                    String type = OrderEvents.header(record, "type");
                    if (version != 1 || !type.equals(EventType.ORDER_PLACED.typeName())) {
                        continue;
                    }
                    versionOne.add(order);
                    assertThat(contracts.violations(type, version, record.value())).as("%s of %s against v1", type, order).isEmpty();
                    InboxEvent event = new InboxEvent(UUID.fromString(OrderEvents.header(record, "id")), type, version, record.key(), null,
                            null, Map.of(), record.value());
                    consumersView.handle(event, null);
                }
            }
            System.out.printf("orders whose OrderPlaced v1 came back from the archive: %d of %d%n", versionOne.size(), placed.size());
            // the platform's monolith keeps half of the orders on v1 (by order id): of 200, some are
            assertThat(versionOne).isNotEmpty();
            assertThat(readLines.keySet()).isEqualTo(versionOne);
            assertThat(channels).as("v1 had no sales channel: the upcaster reads it as WEB").containsOnly("WEB");

            // per order: its status, the units reserved per SKU (RESERVED, RELEASED), the SKUs found short (REJECTED)
            Map<String, String> reservations = databases.byOrder(ServiceDatabases.INVENTORY, "SELECT r.order_id::text, concat(r.status,"
                    + " '|{', (SELECT string_agg(l.sku || '=' || l.quantity, ', ' ORDER BY l.sku) FROM reservation_line l"
                    + " WHERE l.order_id = r.order_id), '}|', (SELECT string_agg(s.sku || '=' || s.requested, ', ' ORDER BY s.sku)"
                    + " FROM reservation_shortage s WHERE s.order_id = r.order_id)) FROM reservation r WHERE r.order_id = ANY (?)",
                    versionOne);
            Map<String, String> charged = databases.byOrder(ServiceDatabases.PAYMENT, "SELECT order_id::text, concat_ws(' ', customer_id,"
                    + " currency, trim_scale(amount)) FROM payment WHERE order_id = ANY (?) AND amount IS NOT NULL", versionOne);
            Map<String, String> mismatches = new TreeMap<>();
            reservations.forEach((order, row) -> {
                String[] parts = row.split("\\|", -1);
                String read = readLines.get(order);
                boolean same = switch (parts[0]) {
                    case "RESERVED", "RELEASED" -> parts[1].equals(read);
                    // what was short, each SKU with the quantity the order asked for
                    case "REJECTED" -> containsEach(read, parts[2]);
                    default -> true; // cancelled before inventory read the order: nothing was reserved to compare
                };
                if (!same) {
                    mismatches.put(order, "read from the replay " + read + ", inventory holds " + row);
                }
            });
            assertThat(reservations.keySet()).as("orders inventory decided").isEqualTo(versionOne);
            assertThat(mismatches).as("what inventory reserved (or found short) at the time").isEmpty();
            // an order cancelled before payment read it has no amount to compare
            assertThat(charged).as("orders payment charged or failed to").isNotEmpty();
            Map<String, String> readOfCharged = new TreeMap<>(readCharges);
            readOfCharged.keySet().retainAll(charged.keySet());
            assertThat(new TreeMap<>(charged)).as("what payment charged (or failed to) at the time").isEqualTo(readOfCharged);
        }
    }

    /** Whether each {@code sku=quantity} of the shortage is a line of the order as read. */
    private static boolean containsEach(String read, String shortage) {
        List<String> lines = List.of(read.substring(1, read.length() - 1).split(", "));
        return !shortage.isEmpty() && lines.containsAll(List.of(shortage.split(", ")));
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
