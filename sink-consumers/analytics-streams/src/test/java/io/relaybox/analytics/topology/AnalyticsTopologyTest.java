package io.relaybox.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.relaybox.outbox.kafka.DeadLetterHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The topology without a broker (TopologyTestDriver, exactly_once_v2): what it counts, in which window (event time
 * from {@code occurredat}), a copy of an event, a late event within and beyond the grace, and a record it cannot read.
 * Every time derives from now.
 */
class AnalyticsTopologyTest {

    /** The start of the hour before this one: every event of a test falls into whole, past windows. */
    /** The defaults but a minute window's grace of two minutes, which the lateness test steps past. */
    private static final AnalyticsSettings TWO_MINUTES_GRACE = new AnalyticsSettings(Duration.ofMinutes(2),
            AnalyticsSettings.defaults().hourGrace(), AnalyticsSettings.defaults().retention(), AnalyticsSettings.defaults().dedupeRetention());
    private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> orders;
    private TestInputTopic<String, String> payments;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        driver = new TopologyTestDriver(AnalyticsTopology.build(TWO_MINUTES_GRACE), config, hour);
        orders = driver.createInputTopic(AnalyticsTopics.ORDERS, new StringSerializer(), new StringSerializer());
        payments = driver.createInputTopic(AnalyticsTopics.PAYMENTS, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void countsOrdersPerMinuteByStatusAtTheTimeTheyOccurredNotWhenTheyArrived() {
        Instant minute = hour.plus(Duration.ofMinutes(10));
        // Kafka timestamps an hour later than the events: the occurredat header decides the window
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(5), minute.plus(Duration.ofHours(1)));
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(50), minute.plus(Duration.ofHours(1)));
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(65), minute.plus(Duration.ofHours(1)));
        order(UUID.randomUUID().toString(), "OrderConfirmed", minute.plusSeconds(30), minute.plus(Duration.ofHours(1)));

        WindowStore<String, Long> store = driver.getWindowStore(StoreNames.ORDERS_PER_MINUTE);
        assertThat(store.fetch("PLACED", minute.toEpochMilli())).isEqualTo(2);
        assertThat(store.fetch("PLACED", minute.plusSeconds(60).toEpochMilli())).isEqualTo(1);
        assertThat(store.fetch("CONFIRMED", minute.toEpochMilli())).isEqualTo(1);
        Map<String, String> figures = latest(AnalyticsTopics.ORDERS_PER_MINUTE);
        JsonNode placed = json(figures.get("PLACED@" + minute));
        assertThat(placed.path("orders").asLong()).isEqualTo(2);
        assertThat(placed.path("windowStart").asString()).isEqualTo(minute.toString());
        assertThat(placed.path("windowEnd").asString()).isEqualTo(minute.plusSeconds(60).toString());
    }

    @Test
    void aSecondCopyOfAnEventCountsOnce() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Instant at = hour.plus(Duration.ofMinutes(3));
        String payload = orderJson(orderId, "CONFIRMED", null);
        orders.pipeInput(record(orderId, eventId, "OrderConfirmed", payload, at));
        orders.pipeInput(record(orderId, eventId, "OrderConfirmed", payload, at));
        String paymentEvent = UUID.randomUUID().toString();
        payments.pipeInput(record(orderId, paymentEvent, "PaymentCaptured", paymentJson(orderId, "EUR", "19.99"), at));
        payments.pipeInput(record(orderId, paymentEvent, "PaymentCaptured", paymentJson(orderId, "EUR", "19.99"), at));

        WindowStore<String, Long> perMinute = driver.getWindowStore(StoreNames.ORDERS_PER_MINUTE);
        assertThat(perMinute.fetch("CONFIRMED", at.truncatedTo(ChronoUnit.MINUTES).toEpochMilli())).isEqualTo(1);
        WindowStore<String, Revenue> revenue = driver.getWindowStore(StoreNames.REVENUE_PER_HOUR);
        assertThat(revenue.fetch("EUR", hour.toEpochMilli())).isEqualTo(new Revenue(new java.math.BigDecimal("19.99"), java.math.BigDecimal.ZERO, 1));
        WindowStore<String, SkuSales> skus = driver.getWindowStore(StoreNames.SKU_SALES_PER_HOUR);
        assertThat(skus.fetch("SKU-APPLE", hour.toEpochMilli())).isEqualTo(new SkuSales(3, 1));
    }

    @Test
    void aLateEventCountsWithinTheGraceAndNotBeyondIt() {
        Instant minute = hour.plus(Duration.ofMinutes(20));
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(10), minute.plusSeconds(10));
        // stream time moves 90 s past the window's end: within the two minutes' grace, a late event still counts
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(150), minute.plusSeconds(150));
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(20), minute.plusSeconds(151));
        // three minutes past the end: the window is closed, the next late event is not counted
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(240), minute.plusSeconds(240));
        order(UUID.randomUUID().toString(), "OrderPlaced", minute.plusSeconds(30), minute.plusSeconds(241));

        WindowStore<String, Long> store = driver.getWindowStore(StoreNames.ORDERS_PER_MINUTE);
        assertThat(store.fetch("PLACED", minute.toEpochMilli())).isEqualTo(2);
    }

    @Test
    void revenuePerCurrencyAndHourIsCapturedMinusRefunded() {
        Instant at = hour.plus(Duration.ofMinutes(30));
        payment("EUR", "PaymentCaptured", "10.10", at);
        payment("EUR", "PaymentCaptured", "5.25", at.plusSeconds(60));
        payment("EUR", "PaymentRefunded", "10.10", at.plusSeconds(120));
        payment("USD", "PaymentCaptured", "7.00", at);
        payment("USD", "PaymentFailed", "99.00", at);
        payment("EUR", "PaymentCaptured", "1.00", hour.plus(Duration.ofMinutes(70)));

        WindowStore<String, Revenue> store = driver.getWindowStore(StoreNames.REVENUE_PER_HOUR);
        Revenue eur = store.fetch("EUR", hour.toEpochMilli());
        assertThat(eur.captured()).isEqualByComparingTo("15.35");
        assertThat(eur.refunded()).isEqualByComparingTo("10.10");
        assertThat(eur.net()).isEqualByComparingTo("5.25");
        assertThat(eur.payments()).isEqualTo(3);
        assertThat(store.fetch("USD", hour.toEpochMilli()).net()).isEqualByComparingTo("7.00");
        assertThat(store.fetch("EUR", hour.plus(Duration.ofHours(1)).toEpochMilli()).net()).isEqualByComparingTo("1.00");
        JsonNode figure = json(latest(AnalyticsTopics.REVENUE_PER_HOUR).get("EUR@" + hour));
        assertThat(figure.path("net").decimalValue()).isEqualByComparingTo("5.25");
        assertThat(figure.path("captured").decimalValue()).isEqualByComparingTo("15.35");
    }

    @Test
    void unitsPerSkuCountConfirmedOrdersOnly() {
        Instant at = hour.plus(Duration.ofMinutes(5));
        order(UUID.randomUUID().toString(), "OrderConfirmed", at, at);
        order(UUID.randomUUID().toString(), "OrderConfirmed", at, at);
        order(UUID.randomUUID().toString(), "OrderPlaced", at, at);
        order(UUID.randomUUID().toString(), "OrderCancelled", at, at);

        WindowStore<String, SkuSales> store = driver.getWindowStore(StoreNames.SKU_SALES_PER_HOUR);
        assertThat(store.fetch("SKU-APPLE", hour.toEpochMilli())).isEqualTo(new SkuSales(6, 2));
        assertThat(store.fetch("SKU-PEAR", hour.toEpochMilli())).isEqualTo(new SkuSales(2, 2));
        assertThat(json(latest(AnalyticsTopics.SKU_SALES_PER_HOUR).get("SKU-APPLE@" + hour)).path("units").asLong()).isEqualTo(6);
    }

    @Test
    void countsOutcomesByKindOfCancellationReason() {
        Instant at = hour.plus(Duration.ofMinutes(40));
        order(UUID.randomUUID().toString(), "OrderConfirmed", at, at);
        orderCancelled("inventory rejected: SKU-APPLE short by 3", at);
        orderCancelled("inventory rejected: SKU-PEAR short by 1", at);
        orderCancelled("payment failed: INSUFFICIENT_FUNDS (balance 3.00)", at);

        WindowStore<String, Long> store = driver.getWindowStore(StoreNames.ORDER_OUTCOMES_PER_HOUR);
        assertThat(store.fetch("CONFIRMED", hour.toEpochMilli())).isEqualTo(1);
        assertThat(store.fetch("CANCELLED: inventory rejected", hour.toEpochMilli())).isEqualTo(2);
        assertThat(store.fetch("CANCELLED: payment failed: INSUFFICIENT_FUNDS", hour.toEpochMilli())).isEqualTo(1);
    }

    @Test
    void deadLettersARecordItCannotReadWithTheReasonAndCountsTheRest() {
        Instant at = hour.plus(Duration.ofMinutes(50));
        String poisonKey = UUID.randomUUID().toString();
        orders.pipeInput(record(poisonKey, UUID.randomUUID().toString(), "OrderPlaced", "{\"orderId\": not json", at));
        orders.pipeInput(record(poisonKey, UUID.randomUUID().toString(), "OrderPlaced", orderJson(poisonKey, "PENDING", null)
                .replace("\"currency\":\"EUR\",", ""), at));
        order(UUID.randomUUID().toString(), "OrderPlaced", at, at);

        TestOutputTopic<String, String> deadLetters = driver.createOutputTopic(AnalyticsTopics.ORDERS + ".dlq", new StringDeserializer(),
                new StringDeserializer());
        List<TestRecord<String, String>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.key()).isEqualTo(poisonKey);
            assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(UnreadableEventException.class.getName());
            assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(AnalyticsTopics.ORDERS);
            assertThat(header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("analytics-test");
            assertThat(header(letter, "type")).isEqualTo("OrderPlaced");
        });
        assertThat(header(letters.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("cannot read the payload of OrderPlaced as JSON");
        assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).isEqualTo("unparseable");
        assertThat(header(letters.get(1), DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("OrderPlaced v1 breaks its contract: ")
                .contains("required property 'currency' not found");
        assertThat(header(letters.get(1), DeadLetterHeaders.REASON)).isEqualTo("schema");
        assertThat(header(letters.get(1), DeadLetterHeaders.VIOLATIONS)).contains("required property 'currency' not found");
        assertThat(letters.get(0).value()).isEqualTo("{\"orderId\": not json");
        WindowStore<String, Long> store = driver.getWindowStore(StoreNames.ORDERS_PER_MINUTE);
        assertThat(store.fetch("PLACED", at.truncatedTo(ChronoUnit.MINUTES).toEpochMilli())).isEqualTo(1);
    }

    @Test
    void skipsTypesItDoesNotCountWithoutADeadLetter() {
        Instant at = hour.plus(Duration.ofMinutes(55));
        String orderId = UUID.randomUUID().toString();
        orders.pipeInput(record(orderId, UUID.randomUUID().toString(), "OrderShipped", "{}", at));

        assertThat(driver.createOutputTopic(AnalyticsTopics.ORDERS + ".dlq", new StringDeserializer(), new StringDeserializer()).isEmpty())
                .isTrue();
        assertThat(driver.createOutputTopic(AnalyticsTopics.ORDERS_PER_MINUTE, new StringDeserializer(), new StringDeserializer()).isEmpty())
                .isTrue();
    }

    // ---- records as the outbox router writes them

    private void order(String orderId, String type, Instant occurredAt, Instant kafkaTime) {
        String status = switch (type) {
            case "OrderConfirmed" -> "CONFIRMED";
            case "OrderCancelled" -> "CANCELLED";
            default -> "PENDING";
        };
        orders.pipeInput(record(orderId, UUID.randomUUID().toString(), type, orderJson(orderId, status,
                "CANCELLED".equals(status) ? "inventory rejected: SKU-APPLE" : null), occurredAt, kafkaTime));
    }

    private void orderCancelled(String reason, Instant at) {
        String orderId = UUID.randomUUID().toString();
        orders.pipeInput(record(orderId, UUID.randomUUID().toString(), "OrderCancelled", orderJson(orderId, "CANCELLED", reason), at));
    }

    private void payment(String currency, String type, String amount, Instant at) {
        String orderId = UUID.randomUUID().toString();
        payments.pipeInput(record(orderId, UUID.randomUUID().toString(), type, paymentJson(orderId, currency, amount), at));
    }

    /** An order payload as the monolith publishes it (valid against the type's schema). */
    private static String orderJson(String orderId, String status, String cancellationReason) {
        String now = Instant.now().toString();
        String outcome = switch (status) {
            case "CONFIRMED" -> ",\"inventoryStatus\":\"RESERVED\",\"paymentStatus\":\"CAPTURED\",\"confirmedAt\":\"" + now + "\"";
            case "CANCELLED" -> ",\"cancelledAt\":\"" + now + "\",\"cancellationReason\":\"" + cancellationReason + "\"";
            default -> "";
        };
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-001\",\"currency\":\"EUR\",\"status\":\"" + status + "\","
                + "\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":3,\"unitPrice\":1.25,\"lineTotal\":3.75},"
                + "{\"sku\":\"SKU-PEAR\",\"quantity\":1,\"unitPrice\":2.00,\"lineTotal\":2.00}],\"total\":5.75,\"placedAt\":\"" + now + "\""
                + outcome + "}";
    }

    private static String paymentJson(String orderId, String currency, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-001\",\"currency\":\"" + currency + "\",\"amount\":" + amount + "}";
    }

    private static TestRecord<String, String> record(String key, String eventId, String type, String payload, Instant occurredAt) {
        return record(key, eventId, type, payload, occurredAt, occurredAt);
    }

    private static TestRecord<String, String> record(String key, String eventId, String type, String payload, Instant occurredAt,
            Instant kafkaTime) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("schemaversion", "1".getBytes(StandardCharsets.UTF_8));
        headers.add("occurredat", occurredAt.toString().getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(key, payload, headers, kafkaTime);
    }

    private Map<String, String> latest(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer()).readKeyValuesToMap();
    }

    private static JsonNode json(String text) {
        assertThat(text).as("a figure").isNotNull();
        return JsonSerde.JSON.readTree(text);
    }

    private static String header(TestRecord<String, String> record, String name) {
        return EventReader.header(record.headers(), name);
    }
}
