package io.relaybox.analytics.topology;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.relaybox.contracts.EventSchemas;
import io.relaybox.contracts.EventType;

/**
 * Reads the events analytics counts from a record's headers ({@code id}, {@code type}, {@code schemaversion}) and its
 * JSON payload. Types it does not count ({@code OrderShipped}, {@code PaymentFailed}, ...) are skipped; a type it counts
 * in a schema version it does not know, or whose payload lacks what it needs, is refused with the field named.
 */
public final class EventReader {

    static final String ORDER_PLACED = EventType.ORDER_PLACED.typeName();
    static final String ORDER_CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();
    static final String PAYMENT_CAPTURED = EventType.PAYMENT_CAPTURED.typeName();
    static final String PAYMENT_REFUNDED = EventType.PAYMENT_REFUNDED.typeName();
    static final Set<String> ORDER_TYPES = Set.of(ORDER_PLACED, ORDER_CONFIRMED, ORDER_CANCELLED);
    static final Set<String> PAYMENT_TYPES = Set.of(PAYMENT_CAPTURED, PAYMENT_REFUNDED);

    /** Amounts stay exact: 12.10 is read as the decimal 12.10, not the double closest to it. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private EventReader() {
    }

    /** The order event, or empty for a type analytics does not count. */
    public static Optional<OrderFact> order(Headers headers, String payload) {
        String type = header(headers, "type");
        if (!ORDER_TYPES.contains(type)) {
            return Optional.empty();
        }
        String eventId = requireCounted(headers, type);
        JsonNode order = parse(payload, type);
        requireContract(order, type, version(headers, type));
        List<OrderFact.Line> lines = new ArrayList<>();
        for (JsonNode line : required(order, "lines", type)) {
            int quantity = required(line, "quantity", type).asInt();
            if (quantity <= 0) {
                throw new UnreadableEventException(type + " has a line whose 'quantity' is not positive: " + line.get("quantity"));
            }
            lines.add(new OrderFact.Line(text(line, "sku", type), quantity));
        }
        JsonNode reason = order.get("cancellationReason");
        return Optional.of(new OrderFact(eventId, type, text(order, "orderId", type), text(order, "currency", type),
                decimal(order, "total", type), lines, reason == null || reason.isNull() ? null : reason.asString()));
    }

    /** The payment event, or empty for a type analytics does not count. */
    public static Optional<PaymentFact> payment(Headers headers, String payload) {
        String type = header(headers, "type");
        if (!PAYMENT_TYPES.contains(type)) {
            return Optional.empty();
        }
        String eventId = requireCounted(headers, type);
        JsonNode payment = parse(payload, type);
        requireContract(payment, type, version(headers, type));
        BigDecimal amount = decimal(payment, "amount", type);
        if (amount.signum() < 0) {
            throw new UnreadableEventException(type + " has a negative 'amount': " + amount);
        }
        return Optional.of(new PaymentFact(eventId, type, text(payment, "orderId", type), text(payment, "currency", type), amount));
    }

    private static String requireCounted(Headers headers, String type) {
        version(headers, type);
        String eventId = header(headers, "id");
        if (eventId == null || eventId.isBlank()) {
            throw new UnreadableEventException(type + " has no 'id' header: analytics counts each event once by its id");
        }
        return eventId;
    }

    /**
     * The schema version of the event: any version of its type (what analytics reads, the amounts, lines and ids, is
     * the same in all of them).
     */
    private static int version(Headers headers, String type) {
        String version = header(headers, "schemaversion");
        int current = EventType.of(type).map(EventType::currentVersion).orElse(1);
        try {
            int parsed = Integer.parseInt(version);
            if (parsed >= 1 && parsed <= current) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UnreadableEventException("no reader for " + type + " v" + version + " (analytics reads v1 to v" + current + ")");
    }

    /** The payload must be valid against the schema of its type and version. */
    private static void requireContract(JsonNode payload, String type, int version) {
        List<String> violations = EventSchemas.violations(type, version, payload);
        if (!violations.isEmpty()) {
            throw UnreadableEventException.breaksContract(type, version, violations);
        }
    }

    private static JsonNode parse(String payload, String type) {
        if (payload == null) {
            throw new UnreadableEventException(type + " has no payload");
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (!node.isObject()) {
                throw new UnreadableEventException("the payload of " + type + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new UnreadableEventException("cannot read the payload of " + type + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field, String type) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadableEventException(type + " lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String type) {
        JsonNode value = required(node, field, type);
        if (!value.isString() || value.asString().isBlank()) {
            throw new UnreadableEventException(type + " has '" + field + "' that is not a non-empty string: " + value);
        }
        return value.asString();
    }

    private static BigDecimal decimal(JsonNode node, String field, String type) {
        JsonNode value = required(node, field, type);
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
        } catch (NumberFormatException e) {
            throw new UnreadableEventException(type + " has '" + field + "' that is not a decimal number: " + value, e);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
