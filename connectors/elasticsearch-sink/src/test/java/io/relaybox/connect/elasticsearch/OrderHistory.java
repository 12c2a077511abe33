package io.relaybox.connect.elasticsearch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.relaybox.testkit.TestRecordTime;

/**
 * Orders and their sagas as outbox events: OrderPlaced, the inventory and payment answers, OrderConfirmed or
 * OrderCancelled (each order payload the full order, as the monolith writes it), spread over several hours; plus
 * re-sent copies (same event id) and stale events (new id, older time) that must not change an order's state.
 */
final class OrderHistory {

    /**
     * One outbox event as the Outbox Event Router writes it.
     *
     * @param topic the topic
     * @param key the aggregate id
     * @param id the event id
     * @param type the event type
     * @param occurredAt business time
     * @param payload the JSON payload
     */
    record Event(String topic, String key, String id, String type, Instant occurredAt, String payload) {

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers().add(new RecordHeader("id", bytes(id)));
            record.headers().add(new RecordHeader("type", bytes(type)));
            record.headers().add(new RecordHeader("schemaversion", bytes("1")));
            record.headers().add(new RecordHeader("occurredat", bytes(occurredAt.toString())));
            record.headers().add(new RecordHeader("traceparent", id.hashCode() % 2 == 0 ? null
                    : bytes("00-" + id.replace("-", "") + "-00f067aa0ba902b7-01")));
            record.headers().add(new RecordHeader("headers", null));
            return record;
        }
    }

    /**
     * An order's final state.
     *
     * @param orderId the order
     * @param status CONFIRMED or CANCELLED
     * @param lastType the type of its latest event
     * @param total its total
     * @param placedAt when it was placed
     */
    record OrderState(String orderId, String status, String lastType, BigDecimal total, Instant placedAt) {
    }

    private static final String[] SKUS = {"SKU-APPLE", "SKU-PEAR", "SKU-PLUM", "SKU-FIG"};

    private final String ordersTopic;
    private final String inventoryTopic;
    private final String paymentsTopic;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, OrderState> orders = new LinkedHashMap<>();

    private OrderHistory(String ordersTopic, String inventoryTopic, String paymentsTopic) {
        this.ordersTopic = ordersTopic;
        this.inventoryTopic = inventoryTopic;
        this.paymentsTopic = paymentsTopic;
    }

    /**
     * Where the tests' histories start: five hours before the run's base time, so that every event of a history lies
     * in the past, whatever day the tests run (never a fixed date).
     */
    static final Instant START = TestRecordTime.base().minus(Duration.ofHours(5));

    /** {@code orders} sagas over five hours from {@code start}; every tenth order also gets a re-sent and a stale OrderPlaced. */
    static OrderHistory of(int orders, Instant start, String ordersTopic, String inventoryTopic, String paymentsTopic, long seed) {
        OrderHistory history = new OrderHistory(ordersTopic, inventoryTopic, paymentsTopic);
        Random random = new Random(seed);
        List<Event> resent = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Instant placedAt = start.plus(Duration.ofSeconds(random.nextInt(5 * 3600))).plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
            Event placed = history.saga(new UUID(seed, i).toString(), placedAt, random);
            if (i % 10 == 0) {
                resent.add(placed);
                resent.add(new Event(placed.topic(), placed.key(), UUID.randomUUID().toString(), "OrderPlaced",
                        placed.occurredAt().minusSeconds(30), placed.payload()));
            }
        }
        history.events.addAll(resent);
        return history;
    }

    private Event saga(String orderId, Instant placedAt, Random random) {
        StringBuilder lines = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int lineCount = 1 + random.nextInt(3);
        for (int l = 0; l < lineCount; l++) {
            int quantity = 1 + random.nextInt(5);
            BigDecimal unitPrice = BigDecimal.valueOf(50 + random.nextInt(5_000), 2);
            BigDecimal lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
            total = total.add(lineTotal);
            lines.append(l == 0 ? "" : ",").append("{\"sku\":\"").append(SKUS[random.nextInt(SKUS.length)]).append("\",\"quantity\":")
                    .append(quantity).append(",\"unitPrice\":").append(unitPrice.toPlainString()).append(",\"lineTotal\":")
                    .append(lineTotal.toPlainString()).append('}');
        }
        String customer = "c-" + random.nextInt(20);
        boolean reserved = random.nextInt(4) != 0;
        boolean captured = random.nextInt(4) != 0;
        String base = "\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[" + lines
                + "],\"total\":" + total.toPlainString() + ",\"placedAt\":\"" + placedAt + "\"";
        Event placed = add(ordersTopic, orderId, "OrderPlaced", placedAt, "{" + base + ",\"status\":\"PENDING\"}");
        add(inventoryTopic, orderId, reserved ? "InventoryReserved" : "InventoryRejected", placedAt.plusMillis(800),
                "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":1}]}");
        add(paymentsTopic, orderId, captured ? "PaymentCaptured" : "PaymentFailed", placedAt.plusMillis(900),
                "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"amount\":" + total.toPlainString()
                        + (captured ? "" : ",\"reason\":\"INSUFFICIENT_FUNDS\"") + "}");
        Instant decidedAt = placedAt.plusMillis(1_500);
        String statuses = ",\"inventoryStatus\":\"" + (reserved ? "RESERVED" : "REJECTED") + "\",\"paymentStatus\":\""
                + (captured ? "CAPTURED" : "FAILED") + "\"";
        if (reserved && captured) {
            add(ordersTopic, orderId, "OrderConfirmed", decidedAt, "{" + base + ",\"status\":\"CONFIRMED\"" + statuses
                    + ",\"confirmedAt\":\"" + decidedAt + "\"}");
            orders.put(orderId, new OrderState(orderId, "CONFIRMED", "OrderConfirmed", total, placedAt));
        } else {
            add(ordersTopic, orderId, "OrderCancelled", decidedAt, "{" + base + ",\"status\":\"CANCELLED\"" + statuses
                    + ",\"cancelledAt\":\"" + decidedAt + "\",\"cancellationReason\":\"" + (reserved ? "payment failed" : "out of stock") + "\"}");
            orders.put(orderId, new OrderState(orderId, "CANCELLED", "OrderCancelled", total, placedAt));
        }
        return placed;
    }

    private Event add(String topic, String key, String type, Instant at, String payload) {
        Event event = new Event(topic, key, UUID.randomUUID().toString(), type, at, payload);
        events.add(event);
        return event;
    }

    /** Every record to produce, re-sent copies included, in saga order. */
    List<Event> events() {
        return events;
    }

    /** The distinct event ids: what the event indices must hold, once each. */
    Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.id()));
        return ids;
    }

    Map<String, OrderState> orders() {
        return orders;
    }

    /** Sum of order totals per hour of placedAt (the order index's view). */
    Map<Instant, BigDecimal> orderTotalsPerHour() {
        Map<Instant, BigDecimal> sums = new TreeMap<>();
        orders.values().forEach(o -> sums.merge(o.placedAt().truncatedTo(ChronoUnit.HOURS), o.total(), BigDecimal::add));
        return sums;
    }

    /** Sum of payload totals of distinct OrderPlaced events per hour of occurredAt (the event index's view). */
    Map<Instant, BigDecimal> placedTotalsPerHour() {
        Map<String, Event> distinct = new HashMap<>();
        events.stream().filter(e -> e.type().equals("OrderPlaced")).forEach(e -> distinct.putIfAbsent(e.id(), e));
        Map<Instant, BigDecimal> sums = new TreeMap<>();
        distinct.values().forEach(e -> sums.merge(e.occurredAt().truncatedTo(ChronoUnit.HOURS), total(e.payload()), BigDecimal::add));
        return sums;
    }

    /** Produces every event, in order, and waits until Kafka has them all. */
    void produce(KafkaProducer<String, String> producer) {
        send(producer, events);
    }

    static void send(KafkaProducer<String, String> producer, List<Event> events) {
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Event event : events) {
                sent.add(producer.send(event.toRecord()));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce the events: " + e, e);
        }
    }

    private static BigDecimal total(String payload) {
        int start = payload.indexOf("\"total\":") + "\"total\":".length();
        int end = payload.indexOf(',', start);
        return new BigDecimal(payload.substring(start, end));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
