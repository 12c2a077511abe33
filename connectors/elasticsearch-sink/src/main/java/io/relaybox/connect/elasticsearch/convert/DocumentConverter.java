package io.relaybox.connect.elasticsearch.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.connect.sink.SinkRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.relaybox.connect.elasticsearch.client.DocumentWrite;

/**
 * Turns an outbox record into its documents: always the event document ({@code <prefix><topic>}, id = event id), and
 * for an order event also the order's state document ({@code orders}, id = order id, externally versioned).
 */
public final class DocumentConverter {

    // numbers keep their text (12.50 stays 12.50 in _source); the mapping decides how they are indexed
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final ConversionSettings settings;
    private final Clock clock;

    public DocumentConverter(ConversionSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock tells {@code indexedAt}, the time an event document is handed to Elasticsearch */
    public DocumentConverter(ConversionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The documents of one record: one or two.
     *
     * @throws MalformedEventException when the record has no readable outbox envelope or its payload is not a JSON object
     */
    public List<DocumentWrite> convert(SinkRecord record) {
        if (settings.mode() == DocumentMode.KEYED_JSON) {
            return List.of(keyed(record));
        }
        OutboxEvent event = OutboxEvent.of(record);
        ObjectNode payload = payload(record);
        String topic = topic(record);
        List<DocumentWrite> writes = new ArrayList<>(2);
        writes.add(new DocumentWrite(settings.eventIndex(record.topic()), event.eventId(), OptionalLong.empty(),
                bytes(eventDocument(event, payload, record, topic))));
        if (settings.updatesOrder(topic, event.type())) {
            writes.add(orderWrite(event, payload, record, topic));
        }
        return writes;
    }

    /** The record's value as the document of its key, which a later record of the key replaces. */
    private DocumentWrite keyed(SinkRecord record) {
        Object key = record.key();
        String id = key instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : key == null ? null : key.toString();
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("the record has no key: in document.mode=keyed-json the key is the document id");
        }
        return new DocumentWrite(settings.keyedIndex(topic(record)), id, OptionalLong.empty(), bytes(payload(record)));
    }

    private ObjectNode eventDocument(OutboxEvent event, ObjectNode payload, SinkRecord record, String topic) {
        ObjectNode document = JSON.createObjectNode();
        document.put("eventId", event.eventId());
        document.put("type", event.type());
        document.put("aggregateId", event.aggregateId());
        document.put("occurredAt", event.occurredAt().toString());
        document.put("schemaVersion", event.schemaVersion());
        document.put("topic", topic);
        document.put("partition", partition(record));
        document.put("offset", record.originalKafkaOffset());
        // end-to-end lag for Kibana: from the outbox row (occurredAt) to the hand-over to Elasticsearch; a
        // redelivered event is written again with its new, larger lag
        Instant indexedAt = clock.instant();
        document.put("indexedAt", indexedAt.toString());
        document.put("endToEndLagMs", Duration.between(event.occurredAt(), indexedAt).toMillis());
        if (event.traceparent() != null) {
            document.put("traceparent", event.traceparent());
            // ECS fields, so that Kibana (and its APM views) can filter an event by the trace it belongs to
            Traceparent.parse(event.traceparent()).ifPresent(ids -> {
                document.putObject("trace").put("id", ids.traceId());
                document.putObject("span").put("id", ids.spanId());
            });
        }
        if (event.headersJson() != null) {
            document.set("headers", headers(event.headersJson()));
        }
        document.set("payload", payload);
        return document;
    }

    private DocumentWrite orderWrite(OutboxEvent event, ObjectNode payload, SinkRecord record, String topic) {
        String orderId = event.aggregateId();
        if (orderId == null || orderId.isBlank()) {
            JsonNode fromPayload = payload.get("orderId");
            if (fromPayload == null || !fromPayload.isTextual() || fromPayload.asText().isBlank()) {
                throw new MalformedEventException("the order event has neither a key nor a payload orderId");
            }
            orderId = fromPayload.asText();
        }
        long version = switch (settings.versionSource()) {
            case OCCURRED_AT -> event.occurredAtMicros();
            // offsets start at 0; external versions are compared, so +1 only keeps them positive
            case KAFKA_OFFSET -> record.originalKafkaOffset() + 1;
        };
        if (version < 0) {
            throw new MalformedEventException("the occurredat header lies before 1970: " + event.occurredAt());
        }
        ObjectNode document = payload.deepCopy();
        ObjectNode lastEvent = document.putObject("lastEvent");
        lastEvent.put("eventId", event.eventId());
        lastEvent.put("type", event.type());
        lastEvent.put("occurredAt", event.occurredAt().toString());
        lastEvent.put("topic", topic);
        lastEvent.put("partition", partition(record));
        lastEvent.put("offset", record.originalKafkaOffset());
        lastEvent.put("version", version);
        return new DocumentWrite(settings.ordersIndex(), orderId, OptionalLong.of(version), bytes(document));
    }

    private static ObjectNode payload(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            throw new MalformedEventException("the record has no value (the payload)");
        }
        JsonNode node;
        if (value instanceof String text) {
            node = parse(text, "payload");
        } else if (value instanceof byte[] raw) {
            node = parse(new String(raw, StandardCharsets.UTF_8), "payload");
        } else if (value instanceof Map<?, ?> map) {
            node = JSON.valueToTree(map);
        } else {
            throw new MalformedEventException("the value is a " + value.getClass().getSimpleName()
                    + ", not JSON text: use org.apache.kafka.connect.storage.StringConverter as value.converter");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException("the payload is not a JSON object but " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return object;
    }

    private static ObjectNode headers(String text) {
        JsonNode node = parse(text, "headers header");
        if (node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException("the headers header is not a JSON object");
        }
        return object;
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("the " + what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("the " + what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new MalformedEventException("cannot write the document: " + e.getMessage(), e);
        }
    }

    private static String topic(SinkRecord record) {
        return record.originalTopic() != null ? record.originalTopic() : record.topic();
    }

    private static int partition(SinkRecord record) {
        Integer partition = record.originalKafkaPartition();
        return partition != null ? partition : record.kafkaPartition();
    }
}
